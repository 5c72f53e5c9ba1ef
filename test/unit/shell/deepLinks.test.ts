import { describe, expect, it } from 'vitest';
import {
  installLinkHandling,
  linksInArgv,
  MAX_PENDING_LINKS,
  protocolRegistration,
  type LinkApp,
  type Registration,
} from '../../../electron/main/shell/deepLinks';

const JOIN = 'vexa://join?url=https%3A%2F%2Fmeet.google.com%2Fabc-defg-hij';
const MEETING = 'vexa://meeting/demo/3';

/** Electron's App as far as links use it, recording what the adapter asked of it (shaped by electron.d.ts). */
function fakeApp(registers = true) {
  const listeners: {
    'open-url'?: (event: { preventDefault(): void }, url: string) => void;
    'second-instance'?: (event: unknown, argv: string[]) => void;
  } = {};
  const registered: Array<{ protocol: string; path?: string; args?: string[] }> = [];
  const app: LinkApp = {
    on(event: 'open-url' | 'second-instance', listener: never) {
      listeners[event] = listener;
      return app;
    },
    setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]) {
      registered.push({ protocol, ...(path === undefined ? {} : { path }), ...(args === undefined ? {} : { args }) });
      return registers;
    },
  };
  return { app, listeners, registered };
}

function install(options: { platform?: NodeJS.Platform; argv?: string[]; registration?: Registration; registers?: boolean } = {}) {
  const fake = fakeApp(options.registers);
  const shown: number[] = [];
  const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const handling = installLinkHandling({
    app: fake.app,
    platform: options.platform ?? 'linux',
    argv: options.argv ?? ['/opt/Vexa Companion/vexa-companion'],
    registration: options.registration ?? null,
    show: () => shown.push(1),
    log: (level, message, fields) => logged.push({ level, message, ...(fields ? { fields } : {}) }),
  });
  const opened: string[] = [];
  return { ...fake, handling, shown, logged, opened, attach: () => handling.attach((raw) => opened.push(raw)) };
}

describe('links on the command line', () => {
  it('are whole arguments that start with vexa:, wherever Chromium put them among its switches', () => {
    // Electron documents that the second instance's argv may be reordered and get switches
    // appended, e.g. --original-process-start-time (electron.d.ts, App 'second-instance').
    const argv = [
      'C:\\Vexa\\Vexa Companion.exe',
      '--original-process-start-time=1337',
      JOIN,
      '--allow-file-access-from-files',
      'VEXA:meeting/demo/1',
    ];
    expect(linksInArgv(argv)).toEqual([JOIN, 'VEXA:meeting/demo/1']);
    expect(linksInArgv(['app', '--url=vexa://join', 'https://vexa.example', 'xvexa://join', '-vexa:join'])).toEqual([]);
    expect(linksInArgv(Array.from({ length: 40 }, () => MEETING))).toHaveLength(MAX_PENDING_LINKS);
  });
});

describe('the link adapter', () => {
  it('holds a cold-start link from argv (Windows, Linux) until the core is attached, then hands it over', () => {
    const t = install({ argv: ['/opt/vexa-companion', '--no-sandbox', JOIN] });
    expect(t.opened).toEqual([]);
    t.attach();
    expect(t.opened).toEqual([JOIN]);
  });

  it('on macOS takes the cold-start link from open-url, which may fire before ready, and not from argv', () => {
    const t = install({ platform: 'darwin', argv: ['/Applications/Vexa Companion.app/Contents/MacOS/Vexa Companion', JOIN] });
    let prevented = false;
    t.listeners['open-url']!({ preventDefault: () => (prevented = true) }, MEETING);
    expect(prevented).toBe(true);
    expect(t.shown).toHaveLength(1);
    t.attach();
    expect(t.opened).toEqual([MEETING]);
  });

  it('when the app already runs: a second instance’s link and an open-url go straight to the core, and the window comes forward', () => {
    const t = install();
    t.attach();
    t.listeners['second-instance']!({}, ['/opt/vexa-companion', '--original-process-start-time=5', JOIN]);
    t.listeners['open-url']!({ preventDefault() {} }, MEETING);
    expect(t.opened).toEqual([JOIN, MEETING]);
    expect(t.shown).toHaveLength(2);
    // Started again without a link: only the window comes forward.
    t.listeners['second-instance']!({}, ['/opt/vexa-companion']);
    expect(t.opened).toHaveLength(2);
    expect(t.shown).toHaveLength(3);
  });

  it('keeps only the newest few links that arrive before the core', () => {
    const t = install();
    for (let i = 0; i < 20; i++) t.listeners['open-url']!({ preventDefault() {} }, `vexa://meeting/demo/${i}`);
    t.attach();
    expect(t.opened).toEqual(Array.from({ length: MAX_PENDING_LINKS }, (_, i) => `vexa://meeting/demo/${20 - MAX_PENDING_LINKS + i}`));
  });

  it('logs where a link came from, never its path or query', () => {
    const key = 'vxa_tx_5ecret5ecret5ecret';
    const link = `vexa://join?url=https://meet.google.com/abc-defg-hij&k=${key}`;
    const t = install({ argv: ['/opt/vexa-companion', link] });
    expect(t.logged).toEqual([
      { level: 'info', message: 'A link arrived', fields: { source: 'argv', action: 'join', length: link.length } },
    ]);
    expect(JSON.stringify(t.logged)).not.toContain(key);
  });

  it('registers as the vexa: handler as it was told, and says so when the OS refuses', () => {
    expect(install({ registration: {} }).registered).toEqual([{ protocol: 'vexa' }]);
    expect(install({ registration: { path: 'C:\\electron.exe', args: ['C:\\src\\app'] } }).registered).toEqual([
      { protocol: 'vexa', path: 'C:\\electron.exe', args: ['C:\\src\\app'] },
    ]);
    expect(install({ registration: null }).registered).toEqual([]);
    const refused = install({ platform: 'win32', registration: {}, registers: false });
    expect(refused.logged).toEqual([
      { level: 'warn', message: 'Could not register as the handler of vexa:// links', fields: { platform: 'win32' } },
    ]);
  });
});

describe('whether a run registers itself as the vexa: handler', () => {
  const base = { execPath: 'C:\\dev\\node_modules\\electron\\dist\\electron.exe', resolvePath: (p: string) => `C:\\dev\\${p}` };

  it('Windows: always, since the NSIS installer writes no protocol keys; a development run names Electron and the app folder', () => {
    expect(
      protocolRegistration({ ...base, platform: 'win32', isPackaged: true, defaultApp: false, argv: ['C:\\Vexa\\Vexa Companion.exe'] }),
    ).toEqual({});
    // Electron's Deep Links tutorial: process.defaultApp → execPath plus path.resolve(argv[1]).
    expect(protocolRegistration({ ...base, platform: 'win32', isPackaged: false, defaultApp: true, argv: [base.execPath, '.'] })).toEqual({
      path: base.execPath,
      args: ['C:\\dev\\.'],
    });
    expect(protocolRegistration({ ...base, platform: 'win32', isPackaged: false, defaultApp: true, argv: [base.execPath] })).toBeNull();
  });

  it('macOS: a packaged app (its Info.plist declares the scheme), not a development run inside Electron.app', () => {
    expect(protocolRegistration({ ...base, platform: 'darwin', isPackaged: true, defaultApp: false, argv: ['x'] })).toEqual({});
    expect(protocolRegistration({ ...base, platform: 'darwin', isPackaged: false, defaultApp: true, argv: ['x', '.'] })).toBeNull();
  });

  it('Linux: never; the package’s desktop file declares x-scheme-handler/vexa', () => {
    expect(protocolRegistration({ ...base, platform: 'linux', isPackaged: true, defaultApp: false, argv: ['x'] })).toBeNull();
    expect(protocolRegistration({ ...base, platform: 'linux', isPackaged: false, defaultApp: true, argv: ['x', '.'] })).toBeNull();
  });
});
