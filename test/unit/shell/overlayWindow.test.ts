import { describe, expect, it } from 'vitest';
import { bindIpc, type InvokeEventLike } from '../../../electron/main/ipc/bindIpc';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';
import { OVERLAY_ALWAYS_ON_TOP_LEVEL, overlayUrl, overlayWindowOptions } from '../../../electron/main/shell/overlayWindow';
import { createElectronOverlayWindows, type OverlayWindowHandle } from '../../../electron/main/shell/overlayWindows';
import { windowOptions } from '../../../electron/main/shell/windowOptions';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import { channelNames, type EventName } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../../../shared/ipc/dispatch';

const PRELOAD = '/app/dist/electron/preload.cjs';

describe('caption overlay window options', () => {
  const options = overlayWindowOptions({ preloadPath: PRELOAD });

  it('runs the renderer under exactly the main window’s web preferences', () => {
    expect(options.webPreferences).toEqual(windowOptions({ preloadPath: PRELOAD, platform: 'linux', dark: false }).webPreferences);
    expect(options.webPreferences).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('is a small frameless window above the others, off the taskbar, see-through and resizable', () => {
    expect(options).toMatchObject({
      frame: false,
      transparent: true,
      backgroundColor: '#00000000',
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: true,
      movable: true,
      show: false,
      fullscreenable: false,
    });
    expect(OVERLAY_ALWAYS_ON_TOP_LEVEL).toBe('floating');
    expect(options.width).toBeLessThanOrEqual(800);
    expect(options.height).toBeLessThanOrEqual(300);
    expect(options.minWidth).toBeGreaterThanOrEqual(200);
  });

  it('shows the overlay route of the app for one meeting', () => {
    expect(overlayUrl(42)).toBe('app://companion/#/overlay/42');
  });
});

function fakeWindow(id: number) {
  const calls: string[] = [];
  const listeners: Record<string, () => void> = {};
  let destroyed = false;
  const win: OverlayWindowHandle & { calls: string[]; fire(event: string): void; options?: unknown } = {
    calls,
    webContents: { id, isDestroyed: () => destroyed, send: () => undefined },
    loadURL: async (url) => void calls.push(`load ${url}`),
    setAlwaysOnTop: (flag, level) => void calls.push(`onTop ${flag} ${level}`),
    showInactive: () => void calls.push('showInactive'),
    isDestroyed: () => destroyed,
    close: () => {
      calls.push('close');
      destroyed = true;
      listeners.closed?.();
    },
    once: (event, listener) => void (listeners[event] = listener),
    on: (event, listener) => void (listeners[event] = listener),
    fire: (event) => listeners[event]?.(),
  };
  return win;
}

describe('caption overlay windows (Electron adapter)', () => {
  function setup() {
    const created: Array<ReturnType<typeof fakeWindow>> = [];
    const overlays = createElectronOverlayWindows({
      preloadPath: PRELOAD,
      appOrigin: APP_ORIGIN,
      createWindow: (options) => {
        const win = fakeWindow(100 + created.length);
        win.options = options;
        created.push(win);
        return win;
      },
    });
    return { overlays, created };
  }

  it('opens one always-on-top window on the meeting’s overlay route, shown without taking focus', async () => {
    const { overlays, created } = setup();
    expect(await overlays.open(7)).toBe('window');
    expect(created).toHaveLength(1);
    const win = created[0]!;
    expect(win.options).toEqual(overlayWindowOptions({ preloadPath: PRELOAD }));
    expect(win.calls).toEqual(['onTop true floating', 'load app://companion/#/overlay/7']);
    win.fire('ready-to-show');
    expect(win.calls).toContain('showInactive');
    expect(overlays.webContents()?.id).toBe(100);
  });

  it('reuses the window for another meeting and forgets it once closed', async () => {
    const { overlays, created } = setup();
    await overlays.open(7);
    await overlays.open(8);
    expect(created).toHaveLength(1);
    expect(created[0]!.calls.at(-1)).toBe('load app://companion/#/overlay/8');
    await overlays.close();
    expect(created[0]!.calls).toContain('close');
    expect(overlays.webContents()).toBeNull();
    await overlays.open(9);
    expect(created).toHaveLength(2);
  });

  it('notices when the person closes the window itself', async () => {
    const { overlays, created } = setup();
    await overlays.open(7);
    created[0]!.close();
    expect(overlays.webContents()).toBeNull();
  });
});

describe('IPC for the overlay window', () => {
  const MAIN = 1;
  const OVERLAY = 2;

  function setup(overlayOpen: { value: boolean }) {
    const registered = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>();
    const sent: Array<[number, string, unknown]> = [];
    let listener: ((event: EventName, payload: unknown) => void) | null = null;
    const handlers = Object.fromEntries(channelNames.map((c) => [c, async () => ({ channel: c })])) as unknown as HandlerTable;
    const contents = (id: number) => ({ id, isDestroyed: () => false, send: (c: string, m: unknown) => void sent.push([id, c, m]) });
    bindIpc({
      ipcMain: { handle: (c, l) => void registered.set(c, l), removeHandler: () => undefined },
      core: {
        handlers,
        logger: { debug() {}, info() {}, warn() {}, error() {}, addSecret() {}, redact: (t) => t, close: async () => {} },
        onEvent: (l) => {
          listener = l;
          return () => (listener = null);
        },
      },
      getMainWebContents: () => contents(MAIN),
      getOtherWebContents: () => [overlayOpen.value ? contents(OVERLAY) : null],
      appOrigin: APP_ORIGIN,
    });
    const invoke = (senderId: number, url = 'app://companion/#/overlay/7') =>
      registered.get('live:open')?.({ sender: { id: senderId }, senderFrame: { url, parent: null } }, { meetingId: 7 });
    return { invoke, sent, push: (event: EventName, payload: unknown) => listener?.(event, payload) };
  }

  it('lets the open overlay call the core and sends it every event', async () => {
    const open = { value: true };
    const t = setup(open);
    expect(await t.invoke(OVERLAY)).toEqual({ ok: true, value: { channel: 'live:open' } });
    t.push('live:segments', { meetingId: 7 });
    expect(t.sent).toEqual([
      [MAIN, EVENT_CHANNEL, { event: 'live:segments', payload: { meetingId: 7 } }],
      [OVERLAY, EVENT_CHANNEL, { event: 'live:segments', payload: { meetingId: 7 } }],
    ]);
  });

  it('refuses a closed overlay, other windows, and an overlay showing something else', async () => {
    const open = { value: true };
    const t = setup(open);
    expect(await t.invoke(99)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.invoke(OVERLAY, 'https://evil.example/')).toMatchObject({ ok: false, code: 'forbidden' });
    open.value = false;
    expect(await t.invoke(OVERLAY)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
