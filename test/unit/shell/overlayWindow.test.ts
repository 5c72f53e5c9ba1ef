import { describe, expect, it } from 'vitest';
import { bindIpc, type InvokeEventLike } from '../../../electron/main/ipc/bindIpc';
import { overlayOnTopSupport, type OverlayOnTop } from '../../../electron/main/shell/displayServer';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';
import {
  clampOverlaySize,
  OVERLAY_ALWAYS_ON_TOP_LEVEL,
  OVERLAY_SIZE,
  overlayUrl,
  overlayWindowOptions,
} from '../../../electron/main/shell/overlayWindow';
import { createElectronOverlayWindows, type OverlayWindowHandle } from '../../../electron/main/shell/overlayWindows';
import { windowOptions } from '../../../electron/main/shell/windowOptions';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import { channelNames, channels, type EventName } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../../../shared/ipc/dispatch';
import { quietLogger } from '../../support/logger';

const SERVER = 'https://a.example';

const PRELOAD = '/app/dist/electron/preload.cjs';
const ICON = '/app/dist/electron/icon.png';

describe('caption overlay window options', () => {
  const options = overlayWindowOptions({ preloadPath: PRELOAD, platform: 'win32' });

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

  it('is a small frameless window above the others, off the taskbar and see-through', () => {
    expect(options).toMatchObject({
      frame: false,
      transparent: true,
      backgroundColor: '#00000000',
      alwaysOnTop: true,
      skipTaskbar: true,
      movable: true,
      show: false,
      fullscreenable: false,
    });
    expect(OVERLAY_ALWAYS_ON_TOP_LEVEL).toBe('floating');
    expect(options.width).toBeLessThanOrEqual(800);
    expect(options.height).toBeLessThanOrEqual(300);
    expect(options.minWidth).toBeGreaterThanOrEqual(200);
  });

  // docs/tutorial/custom-window-styles.md: "Transparent windows are not resizable. Setting resizable
  // to true may make a transparent window stop working on some platforms."
  it('is resizable by dragging only on macOS; elsewhere the page sets its size', () => {
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'win32' }).resizable).toBe(false);
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'linux' }).resizable).toBe(false);
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'darwin' }).resizable).toBe(true);
    expect(channels['overlay:resize'].input.safeParse({ width: 700, height: 240 }).success).toBe(true);
    expect(channels['overlay:resize'].input.safeParse({ width: 700, height: 240, x: 0 }).success).toBe(false);
    expect(channels['overlay:resize'].input.safeParse({ width: 1e9, height: 240 }).success).toBe(false);
  });

  // docs/api/structures/base-window-options.md: "The panel type enables the window to float on top of
  // full-screened apps ... Also, the window will appear on all spaces (desktops)."
  it('macOS: a panel, so it floats over a full-screen meeting and on every Space', () => {
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'darwin' }).type).toBe('panel');
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'win32' }).type).toBeUndefined();
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'linux' }).type).toBeUndefined();
  });

  it('Linux: carries the app icon (it shows in the taskbar there), when the file exists', () => {
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'linux', icon: ICON }).icon).toBe(ICON);
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'linux', icon: null })).not.toHaveProperty('icon');
    expect(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'win32', icon: ICON })).not.toHaveProperty('icon');
  });

  it('shows the overlay route of the app for one meeting; meetings differ only after the #', () => {
    expect(overlayUrl(42)).toBe('app://companion/#/overlay/42');
    expect(overlayUrl(42, APP_ORIGIN, 'native', SERVER)).toBe('app://companion/#/overlay/42/https%3A%2F%2Fa.example');
    expect(overlayUrl(42, APP_ORIGIN, 'manual')).toBe('app://companion/?pin=manual#/overlay/42');
    // A same-document navigation: Electron's loadURL resolves for it (electron/electron#36129)
    // and the page follows `hashchange` instead of reloading.
    for (const onTop of ['native', 'manual'] as const) {
      const [a, b] = [new URL(overlayUrl(7, APP_ORIGIN, onTop)), new URL(overlayUrl(8, APP_ORIGIN, onTop))];
      expect(a.hash).not.toBe(b.hash);
      a.hash = b.hash = '';
      expect(a.href).toBe(b.href);
    }
  });

  it('keeps a requested size between its minimum and the screen', () => {
    expect(clampOverlaySize({ width: 700, height: 240 }, { width: 1920, height: 1040 })).toEqual({ width: 700, height: 240 });
    expect(clampOverlaySize({ width: 10, height: 10 }, { width: 1920, height: 1040 })).toEqual({
      width: OVERLAY_SIZE.minWidth,
      height: OVERLAY_SIZE.minHeight,
    });
    expect(clampOverlaySize({ width: 4000, height: 3000 }, { width: 1280, height: 700 })).toEqual({ width: 1280, height: 700 });
    expect(clampOverlaySize({ width: 900.4, height: 300.6 }, null)).toEqual({ width: 900, height: 301 });
  });
});

describe('whether the overlay can keep itself on top', () => {
  it('Windows, macOS and X11: by itself', () => {
    expect(overlayOnTopSupport({ platform: 'win32', ozonePlatform: '', sessionType: undefined })).toBe('native');
    expect(overlayOnTopSupport({ platform: 'darwin', ozonePlatform: '', sessionType: undefined })).toBe('native');
    expect(overlayOnTopSupport({ platform: 'linux', ozonePlatform: '', sessionType: 'x11' })).toBe('native');
    expect(overlayOnTopSupport({ platform: 'linux', ozonePlatform: '', sessionType: undefined })).toBe('native');
  });

  // electron.d.ts: setAlwaysOnTop "Not supported on Wayland (Linux)"; since Electron 38 the app runs on
  // Wayland when XDG_SESSION_TYPE=wayland, unless started with --ozone-platform=x11.
  it('Wayland: only with the person’s help, unless they started the app under XWayland', () => {
    expect(overlayOnTopSupport({ platform: 'linux', ozonePlatform: '', sessionType: 'wayland' })).toBe('manual');
    expect(overlayOnTopSupport({ platform: 'linux', ozonePlatform: 'auto', sessionType: 'wayland' })).toBe('manual');
    expect(overlayOnTopSupport({ platform: 'linux', ozonePlatform: 'x11', sessionType: 'wayland' })).toBe('native');
    expect(overlayOnTopSupport({ platform: 'linux', ozonePlatform: 'wayland', sessionType: 'x11' })).toBe('manual');
  });
});

function fakeWindow(id: number) {
  const calls: string[] = [];
  const listeners: Record<string, () => void> = {};
  let destroyed = false;
  let resizable = false;
  const win: OverlayWindowHandle & { calls: string[]; fire(event: string): void; options?: unknown; size?: [number, number] } = {
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
    isResizable: () => resizable,
    setResizable: (flag) => {
      calls.push(`resizable ${flag}`);
      resizable = flag;
    },
    // Like Electron on Windows and Linux: a window that is not resizable keeps its size.
    setSize: (w, h) => {
      calls.push(`size ${w}x${h}`);
      if (resizable) win.size = [w, h];
    },
    once: (event, listener) => void (listeners[event] = listener),
    on: (event, listener) => void (listeners[event] = listener),
    fire: (event) => listeners[event]?.(),
  };
  return win;
}

describe('caption overlay windows (Electron adapter)', () => {
  function setup({ platform = 'win32' as NodeJS.Platform, onTop = 'native' as OverlayOnTop } = {}) {
    const created: Array<ReturnType<typeof fakeWindow>> = [];
    const loaded: string[] = [];
    const overlays = createElectronOverlayWindows({
      preloadPath: PRELOAD,
      appOrigin: APP_ORIGIN,
      platform,
      onTop,
      createWindow: (options) => {
        const win = fakeWindow(100 + created.length);
        win.options = options;
        created.push(win);
        return win;
      },
      recover: (win) => ({ load: async (url) => (loaded.push(url), win.loadURL(url)) }),
      workArea: () => ({ width: 1280, height: 700 }),
    });
    return { overlays, created, loaded };
  }

  it('opens one always-on-top window on the meeting’s overlay route, shown without taking focus', async () => {
    const { overlays, created, loaded } = setup();
    expect(await overlays.open(7, SERVER)).toBe('window');
    expect(created).toHaveLength(1);
    const win = created[0]!;
    expect(win.options).toEqual(overlayWindowOptions({ preloadPath: PRELOAD, platform: 'win32', icon: null }));
    expect(win.calls).toEqual(['onTop true floating', 'load app://companion/#/overlay/7/https%3A%2F%2Fa.example']);
    expect(loaded).toEqual(['app://companion/#/overlay/7/https%3A%2F%2Fa.example']);
    win.fire('ready-to-show');
    expect(win.calls).toContain('showInactive');
    expect(overlays.webContents()?.id).toBe(100);
    expect(overlays.meetingId()).toBe(7);
  });

  it('moves the open window to another meeting by its route, and brings it into view', async () => {
    const { overlays, created } = setup();
    await overlays.open(7, SERVER);
    created[0]!.fire('ready-to-show');
    created[0]!.calls.length = 0;
    await overlays.open(8, SERVER);
    expect(created).toHaveLength(1);
    expect(created[0]!.calls).toEqual(['load app://companion/#/overlay/8/https%3A%2F%2Fa.example', 'showInactive']);
    expect(overlays.meetingId()).toBe(8);
  });

  it('moves to the same meeting id on another server: two servers may both have meeting 7', async () => {
    const { overlays, created } = setup();
    await overlays.open(7, SERVER);
    await overlays.open(7, 'https://b.example');
    expect(created[0]!.calls.at(-1)).toBe('load app://companion/#/overlay/7/https%3A%2F%2Fb.example');
  });

  it('does not reload the page when asked for the meeting it already shows', async () => {
    const { overlays, created } = setup();
    await overlays.open(7, SERVER);
    created[0]!.fire('ready-to-show');
    created[0]!.calls.length = 0;
    await overlays.open(7, SERVER);
    expect(created[0]!.calls).toEqual(['showInactive']);
  });

  it('asks Wayland users to pin it, through the page’s address', async () => {
    const { overlays, created } = setup({ platform: 'linux', onTop: 'manual' });
    await overlays.open(7, SERVER);
    expect(created[0]!.calls).toContain('load app://companion/?pin=manual#/overlay/7/https%3A%2F%2Fa.example');
  });

  it('resizes a window that is not resizable by dragging, within the screen', async () => {
    const { overlays, created } = setup();
    await overlays.resize({ width: 700, height: 240 });
    await overlays.open(7, SERVER);
    await overlays.resize({ width: 700, height: 240 });
    expect(created[0]!.size).toEqual([700, 240]);
    expect(created[0]!.calls.slice(-3)).toEqual(['resizable true', 'size 700x240', 'resizable false']);
    await overlays.resize({ width: 4000, height: 2000 });
    expect(created[0]!.size).toEqual([1280, 700]);
    expect(created[0]!.isResizable()).toBe(false);
  });

  it('reuses the window for another meeting and forgets it once closed', async () => {
    const { overlays, created } = setup();
    await overlays.open(7, SERVER);
    await overlays.open(8, SERVER);
    expect(created).toHaveLength(1);
    expect(created[0]!.calls.at(-1)).toBe('load app://companion/#/overlay/8/https%3A%2F%2Fa.example');
    await overlays.close();
    expect(created[0]!.calls).toContain('close');
    expect(overlays.webContents()).toBeNull();
    expect(overlays.meetingId()).toBeNull();
    await overlays.open(9, SERVER);
    expect(created).toHaveLength(2);
  });

  it('notices when the person closes the window itself', async () => {
    const { overlays, created } = setup();
    await overlays.open(7, SERVER);
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
        logger: quietLogger,
        onEvent: (l) => {
          listener = l;
          return () => (listener = null);
        },
      },
      getMainWebContents: () => contents(MAIN),
      getOtherWebContents: () => [overlayOpen.value ? contents(OVERLAY) : null],
      appOrigin: APP_ORIGIN,
    });
    const invoke = (senderId: number, url = 'app://companion/#/overlay/7/https%3A%2F%2Fa.example') =>
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
