import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../electron/core/ports';
import { bindIpc, isTrustedSender, type InvokeEventLike } from '../../../electron/main/ipc/bindIpc';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import { channelNames, type EventName } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../../../shared/ipc/dispatch';

const MAIN = 7;
const top = (url = 'app://companion/index.html') => ({ url, isTop: true });

describe('IPC sender check', () => {
  it('trusts only the main window’s top frame showing the app', () => {
    expect(isTrustedSender({ webContentsId: MAIN, frame: top() }, MAIN, APP_ORIGIN)).toBe(true);
  });

  it.each([
    ['another window', { webContentsId: 8, frame: top() }, MAIN],
    ['a subframe', { webContentsId: MAIN, frame: { url: 'app://companion/index.html', isTop: false } }, MAIN],
    ['a page that navigated away', { webContentsId: MAIN, frame: top('https://evil.example/') }, MAIN],
    ['a look-alike origin', { webContentsId: MAIN, frame: top('app://companion.evil/') }, MAIN],
    ['a destroyed frame', { webContentsId: MAIN, frame: null }, MAIN],
    ['any sender while no window exists', { webContentsId: MAIN, frame: top() }, null],
  ])('refuses %s', (_name, sender, main) => {
    expect(isTrustedSender(sender, main, APP_ORIGIN)).toBe(false);
  });
});

function fakeLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    lines,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    addSecret: () => {},
    redact: (t) => t,
    close: async () => {},
  };
}

function setup() {
  const registered = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>();
  const removed: string[] = [];
  const sent: unknown[] = [];
  let listener: ((event: EventName, payload: unknown) => void) | null = null;
  const calls: Array<[string, unknown]> = [];
  const handlers = Object.fromEntries(
    channelNames.map((c) => [
      c,
      async (input: unknown) => {
        calls.push([c, input]);
        if (c === 'library:list') throw new Error('database is locked');
        return { channel: c };
      },
    ]),
  ) as unknown as HandlerTable;
  const logger = fakeLogger();
  let window: { id: number; isDestroyed(): boolean; send(channel: string, message: unknown): void } | null = {
    id: MAIN,
    isDestroyed: () => false,
    send: (channel, message) => void sent.push([channel, message]),
  };
  const unbind = bindIpc({
    ipcMain: { handle: (c, l) => void registered.set(c, l), removeHandler: (c) => void removed.push(c) },
    core: {
      handlers,
      logger,
      onEvent: (l) => {
        listener = l;
        return () => (listener = null);
      },
    },
    getMainWebContents: () => window,
    appOrigin: APP_ORIGIN,
  });
  const invoke = (channel: string, input: unknown, event: Partial<InvokeEventLike> = {}) =>
    registered.get(channel)?.({ sender: { id: MAIN }, senderFrame: { url: 'app://companion/index.html', parent: null }, ...event }, input);
  return {
    registered,
    removed,
    sent,
    calls,
    logger,
    invoke,
    unbind,
    push: (event: EventName, payload: unknown) => listener?.(event, payload),
    hasListener: () => listener !== null,
    closeWindow: () => (window = null),
  };
}

describe('bindIpc', () => {
  it('registers every contract channel', () => {
    expect([...setup().registered.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('runs the handler for the main window and wraps the answer in a Result', async () => {
    const t = setup();
    expect(await t.invoke('shell:openFolder', { which: 'logs' })).toEqual({ ok: true, value: { channel: 'shell:openFolder' } });
    expect(t.calls).toEqual([['shell:openFolder', { which: 'logs' }]]);
  });

  it('answers forbidden to other senders without running the handler', async () => {
    const t = setup();
    const fromSubframe = await t.invoke('app:getState', undefined, { senderFrame: { url: 'app://companion/index.html', parent: {} } });
    const fromElsewhere = await t.invoke('app:getState', undefined, { senderFrame: { url: 'https://evil.example/', parent: null } });
    const fromOtherWindow = await t.invoke('app:getState', undefined, { sender: { id: 99 } });
    for (const r of [fromSubframe, fromElsewhere, fromOtherWindow]) expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(t.calls).toEqual([]);
    expect(t.logger.lines.filter((l) => l.startsWith('warn'))).toHaveLength(3);
  });

  it('treats a frame that throws on access like a missing one', async () => {
    const t = setup();
    const event = {
      sender: { id: MAIN },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await t.registered.get('app:getState')?.(event, undefined)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('validates input before the handler and logs unexpected handler failures', async () => {
    const t = setup();
    expect(await t.invoke('shell:openFolder', { which: '/etc' })).toMatchObject({ ok: false, code: 'validation' });
    expect(await t.invoke('library:list', undefined)).toMatchObject({ ok: false, code: 'internal' });
    expect(t.logger.lines).toContain('error IPC handler failed');
  });

  it('pushes core events to the main window and drops them while there is none', () => {
    const t = setup();
    t.push('app:state', { version: '1' });
    t.closeWindow();
    t.push('app:state', { version: '2' });
    expect(t.sent).toEqual([[EVENT_CHANNEL, { event: 'app:state', payload: { version: '1' } }]]);
  });

  it('unbinds every channel and the event subscription', () => {
    const t = setup();
    t.unbind();
    expect(t.removed.sort()).toEqual([...channelNames].sort());
    expect(t.hasListener()).toBe(false);
  });
});
