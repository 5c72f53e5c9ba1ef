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
 * banner off stdout, which belongs to the protocol; Windows starts npm through its `.cmd` file.
 */
export function sourceLaunch(input: { root: string; dataDir: string; platform: NodeJS.Platform }): McpLaunch {
  return {
    command: input.platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['--prefix', input.root, 'run', '--silent', 'mcp', '--', DATA_DIR_SWITCH, input.dataDir],
  };
}
