/** The switch that makes the desktop app's executable serve its library to an AI client instead of opening. */
export const MCP_SWITCH = '--mcp';
export const DATA_DIR_SWITCH = '--data-dir';

export interface McpLaunchArgs {
  /** The data folder named on the command line; the app's own when left out. */
  dataDir: string | null;
}

/**
 * Null unless the command line asks for the MCP server. Read from the raw argv, before Electron
 * does anything else: the app's path (development runs), Chromium's switches and a `vexa://` link
 * may sit anywhere around it.
 */
export function mcpLaunchArgs(argv: readonly string[]): McpLaunchArgs | null {
  if (!argv.includes(MCP_SWITCH)) return null;
  let dataDir: string | null = null;
  argv.forEach((arg, i) => {
    if (arg === DATA_DIR_SWITCH && argv[i + 1] !== undefined) dataDir = argv[i + 1]!;
    else if (arg.startsWith(`${DATA_DIR_SWITCH}=`)) dataDir = arg.slice(DATA_DIR_SWITCH.length + 1);
  });
  return { dataDir: dataDir === '' ? null : dataDir };
}
