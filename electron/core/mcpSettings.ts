import { MAX_EXPOSED_SERVERS, type McpLaunch, type McpView } from '../../shared/ipc/mcp';
import type { Library } from './cache';
import type { SettingsStore } from './settings';

/** The name the library goes by in an AI client's list of MCP servers. */
export const MCP_SERVER_NAME = 'vexa-companion';

const SAFE_POSIX = /^[\w@%+=:,./-]+$/;

/** One argument as a terminal on this OS reads it (POSIX shells, or cmd and PowerShell on Windows). */
export function quoteArg(arg: string, os: NodeJS.Platform): string {
  if (os === 'win32') return /^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '\\"')}"`;
  return SAFE_POSIX.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(launch: McpLaunch, os: NodeJS.Platform): string {
  return [launch.command, ...launch.args].map((a) => quoteArg(a, os)).join(' ');
}

/** The `mcpServers` block Claude Desktop's claude_desktop_config.json takes (Cursor, Windsurf and others read the same shape). */
export function clientConfig(launch: McpLaunch): string {
  return JSON.stringify({ mcpServers: { [MCP_SERVER_NAME]: { command: launch.command, args: launch.args } } }, null, 2);
}

export interface McpSettingsDeps {
  settings: Pick<SettingsStore, 'mcp' | 'setMcp'>;
  library: Pick<Library, 'stats'>;
  /** How an AI client starts the server in this build; null where it cannot (the reason is `unavailable`). */
  launch: McpLaunch | null;
  os: NodeJS.Platform;
}

export const MCP_UNAVAILABLE = 'This version of the app cannot start the library for AI tools.';

/** Settings → AI tools: the servers to share (every server the app knows) and the command to paste. */
export function createMcpHandlers(d: McpSettingsDeps) {
  const view = async (): Promise<McpView> => {
    const exposed = new Set(d.settings.mcp.exposedServers);
    const stats = await d.library.stats();
    return {
      servers: stats.servers.map((s) => ({ serverId: s.serverId, label: s.label, meetings: s.meetings, exposed: exposed.has(s.serverId) })),
      launch: d.launch,
      commandLine: d.launch ? commandLine(d.launch, d.os) : null,
      clientConfig: d.launch ? clientConfig(d.launch) : null,
      unavailable: d.launch ? null : MCP_UNAVAILABLE,
    };
  };
  return {
    'mcp:get': async () => view(),
    'mcp:setExposed': async ({ serverIds }: { serverIds: string[] }) => {
      d.settings.setMcp({ exposedServers: [...new Set(serverIds)].slice(0, MAX_EXPOSED_SERVERS) });
      return view();
    },
  };
}
