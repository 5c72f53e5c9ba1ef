import type { McpLaunch } from '../../shared/ipc/mcp';
import { DATA_DIR_SWITCH, MCP_SWITCH } from './args';

export interface DesktopLaunchInput {
  /** `process.execPath`: the app's executable (Electron's, in a development run). */
  execPath: string;
  isPackaged: boolean;
  /** `app.getAppPath()`: what a development run passes to Electron. */
  appPath: string;
  /** `$APPIMAGE`: an AppImage runs from a mount that is gone once it quits, so the command names the AppImage file. */
  appImage: string | undefined;
  /** The data folder this run uses, named on the command line so the AI client reads this library whatever its environment. */
  dataDir: string;
}

/** The desktop app's own executable with `--mcp`: no other program to install. */
export function desktopLaunch(input: DesktopLaunchInput): McpLaunch {
  const command = input.isPackaged && input.appImage ? input.appImage : input.execPath;
  return { command, args: [...(input.isPackaged ? [] : [input.appPath]), MCP_SWITCH, DATA_DIR_SWITCH, input.dataDir] };
}

/**
 * The browser-served app's command: the same server from the source tree. `--silent` keeps npm's
 * banner off stdout, which belongs to the protocol. On Windows npm is a `.cmd` script, which Node
 * no longer starts without a shell (CVE-2024-27980: `spawn` refuses `.cmd` and `.bat` files with
 * EINVAL), so the command goes through `cmd /c`, as MCP clients' own Windows instructions do.
 */
export function sourceLaunch(input: { root: string; dataDir: string; platform: NodeJS.Platform }): McpLaunch {
  const npm = ['npm', '--prefix', input.root, 'run', '--silent', 'mcp', '--', DATA_DIR_SWITCH, input.dataDir];
  return input.platform === 'win32' ? { command: 'cmd', args: ['/c', ...npm] } : { command: npm[0]!, args: npm.slice(1) };
}
