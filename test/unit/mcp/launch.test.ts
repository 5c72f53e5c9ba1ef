import { describe, expect, it } from 'vitest';
import { clientConfig, commandLine, createMcpHandlers, MCP_UNAVAILABLE } from '../../../electron/core/mcpSettings';
import { mcpLaunchArgs } from '../../../electron/mcp/args';
import { desktopLaunch, sourceLaunch } from '../../../electron/mcp/launch';
import { parseDateBound, parseOffset } from '../../../electron/mcp/times';

describe('starting the library for an AI client', () => {
  it('reads --mcp and the data folder wherever they sit on the command line', () => {
    expect(mcpLaunchArgs(['/opt/Vexa Companion/vexa-companion'])).toBeNull();
    expect(mcpLaunchArgs(['/opt/app', '--mcp'])).toEqual({ dataDir: null });
    expect(mcpLaunchArgs(['electron', '/src/app', '--mcp', '--data-dir', '/d/x'])).toEqual({ dataDir: '/d/x' });
    expect(mcpLaunchArgs(['app', '--data-dir=/d/y', '--no-sandbox', '--mcp'])).toEqual({ dataDir: '/d/y' });
    expect(mcpLaunchArgs(['app', 'vexa://open?x=--mcp'])).toBeNull();
  });

  it('names the app’s own executable (the AppImage file, not its mount) and this data folder', () => {
    const base = { execPath: '/tmp/.mount_Vexa12/vexa-companion', appPath: '/src', dataDir: '/home/p/.config/Vexa Companion' };
    expect(desktopLaunch({ ...base, isPackaged: true, appImage: '/home/p/Apps/Vexa.AppImage' })).toEqual({
      command: '/home/p/Apps/Vexa.AppImage',
      args: ['--mcp', '--data-dir', '/home/p/.config/Vexa Companion'],
    });
    expect(desktopLaunch({ ...base, isPackaged: false, appImage: undefined })).toEqual({
      command: '/tmp/.mount_Vexa12/vexa-companion',
      args: ['/src', '--mcp', '--data-dir', '/home/p/.config/Vexa Companion'],
    });
    expect(sourceLaunch({ root: 'C:\\src', dataDir: 'C:\\d', platform: 'win32' })).toEqual({
      command: 'cmd',
      args: ['/c', 'npm', '--prefix', 'C:\\src', 'run', '--silent', 'mcp', '--', '--data-dir', 'C:\\d'],
    });
    expect(sourceLaunch({ root: '/src', dataDir: '/d', platform: 'linux' }).args).toEqual([
      '--prefix',
      '/src',
      'run',
      '--silent',
      'mcp',
      '--',
      '--data-dir',
      '/d',
    ]);
  });

  it('shows the command quoted for the OS, and the Claude Desktop configuration', () => {
    const launch = {
      command: '/Applications/Vexa Companion.app/Contents/MacOS/Vexa Companion',
      args: ['--mcp', '--data-dir', "/Users/o'neil/x"],
    };
    expect(commandLine(launch, 'darwin')).toBe(
      `'/Applications/Vexa Companion.app/Contents/MacOS/Vexa Companion' --mcp --data-dir '/Users/o'\\''neil/x'`,
    );
    expect(commandLine({ command: 'C:\\Program Files\\Vexa\\Vexa.exe', args: ['--mcp'] }, 'win32')).toBe(
      '"C:\\Program Files\\Vexa\\Vexa.exe" --mcp',
    );
    expect(JSON.parse(clientConfig(launch))).toEqual({ mcpServers: { 'vexa-companion': launch } });
  });

  it('Settings lists every known server unticked until chosen, and keeps the choice', async () => {
    let stored = { exposedServers: [] as string[] };
    const handlers = createMcpHandlers({
      settings: {
        get mcp() {
          return stored;
        },
        setMcp: (next) => void (stored = next),
      },
      library: {
        stats: async () =>
          ({
            servers: [
              { serverId: 'a', label: 'A', demo: false, meetings: 3, lastSyncedAt: null },
              { serverId: 'b', label: 'B', demo: false, meetings: 0, lastSyncedAt: null },
            ],
          }) as never,
      },
      launch: null,
      os: 'linux',
    });
    const first = await handlers['mcp:get']();
    expect(first.servers.map((s) => s.exposed)).toEqual([false, false]);
    expect(first.unavailable).toBe(MCP_UNAVAILABLE);
    const next = await handlers['mcp:setExposed']({ serverIds: ['b', 'b'] });
    expect(next.servers.map((s) => `${s.serverId}:${s.exposed}`)).toEqual(['a:false', 'b:true']);
    expect(stored).toEqual({ exposedServers: ['b'] });
  });

  it('reads dates and times in the meeting as a person writes them', () => {
    expect(parseDateBound('2026-03-09', 'from')).toBe(new Date(2026, 2, 9).getTime());
    expect(parseDateBound('2026-03-09', 'to')).toBe(new Date(2026, 2, 10).getTime());
    expect(parseDateBound('2026-03-09T14:00:00Z', 'from')).toBe(Date.UTC(2026, 2, 9, 14));
    expect(() => parseDateBound('soon', 'to')).toThrow('"to" must be a date');
    expect(parseOffset('12:30', 'from')).toBe(750);
    expect(parseOffset('1:02:30', 'from')).toBe(3750);
    expect(parseOffset(42, 'from')).toBe(42);
    expect(() => parseOffset('noon', 'from')).toThrow('"from" must be seconds');
  });
});
