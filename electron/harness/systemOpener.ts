import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import { posix, win32 } from 'node:path';
import { toAllowedExternalUrl } from '../main/shell/navigation';

/**
 * Opening links and folders with the operating system from the browser-served app, which has no
 * Electron `shell`. A link can come from a server (a meeting URL) or be built from user text (the
 * AI hand-off), so it never passes through a command interpreter: `cmd /c start` would run
 * whatever follows an `&` in it. Each platform gets one program and an argument array.
 */

export type LaunchTarget = { kind: 'url'; url: string } | { kind: 'folder'; path: string };

export interface LaunchPlan {
  /** The program, an absolute path where the platform has a fixed one. */
  command: string;
  /** Its arguments; the link or folder is always exactly one of them, the last. */
  args: string[];
}

export interface LaunchPlatform {
  platform: NodeJS.Platform;
  /** `%SystemRoot%` on Windows (C:\Windows when unset). */
  systemRoot?: string;
}

// Node (libuv) quotes a Windows argument only when it holds a space, tab or double quote, and
// rundll32 hands everything after its entry point to FileProtocolHandler as one raw string, where
// quotes would become part of the link. A normalised http(s) link holds none of these (the URL
// serialiser percent-encodes `"` and spaces), so it arrives unquoted and intact; anything else
// is refused rather than quoted.
const PLAIN_WEB_LINK = /^https?:\/\/[^\s"]+$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** The normalised link if it may leave the app, else null. */
export function launchableUrl(raw: string): string | null {
  const href = toAllowedExternalUrl(raw);
  return href !== null && PLAIN_WEB_LINK.test(href) ? href : null;
}

function launchableFolder(path: string, platform: NodeJS.Platform): string | null {
  if (path.length === 0 || CONTROL.test(path)) return null;
  if (platform === 'win32') {
    // A drive path or a UNC share; a rooted `/x` would read as an explorer switch, and `"` cannot
    // occur in a Windows file name but would end libuv's quoting early.
    return /^(?:[A-Za-z]:\\|\\\\[^\\])/.test(path) && !path.includes('"') ? win32.normalize(path) : null;
  }
  // Absolute, so it can never begin with `-` and be read as an option.
  return posix.isAbsolute(path) ? posix.normalize(path) : null;
}

/**
 * The program and arguments that open `target` on `platform`, or null when the target may not be
 * opened. Pure, so every hostile input can be tried without starting anything.
 * - Windows, links: `rundll32.exe url.dll,FileProtocolHandler <url>`, the OS URL handler with no
 *   command interpreter in between (only http(s) reaches it: given a file or program name it
 *   would run it). Folders: `explorer.exe <folder>`. Both by absolute path, because a bare name
 *   is looked up in the current folder first.
 * - macOS: `/usr/bin/open <target>`; Linux and the rest: `xdg-open <target>`.
 */
export function launchPlan(target: LaunchTarget, { platform, systemRoot }: LaunchPlatform): LaunchPlan | null {
  const value = target.kind === 'url' ? launchableUrl(target.url) : launchableFolder(target.path, platform);
  if (value === null) return null;
  if (platform === 'win32') {
    const root = systemRoot && /^[A-Za-z]:\\/.test(systemRoot) ? systemRoot : 'C:\\Windows';
    return target.kind === 'url'
      ? { command: win32.join(root, 'System32', 'rundll32.exe'), args: ['url.dll,FileProtocolHandler', value] }
      : { command: win32.join(root, 'explorer.exe'), args: [value] };
  }
  if (platform === 'darwin') return { command: '/usr/bin/open', args: [value] };
  return { command: 'xdg-open', args: [value] };
}

export type SpawnLike = (
  command: string,
  args: string[],
  options: SpawnOptions,
) => { on(event: 'error', l: (e: Error) => void): unknown; unref(): void };

export interface SystemOpenerDeps {
  spawn?: SpawnLike;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the OS opener for `target` and lets it run on its own. Returns false when the target was
 * refused. A missing opener (no xdg-open on a server) is not an error worth stopping for.
 */
export function openWithSystem(target: LaunchTarget, deps: SystemOpenerDeps = {}): boolean {
  const { spawn = nodeSpawn, platform = process.platform, env = process.env } = deps;
  const plan = launchPlan(target, { platform, systemRoot: env.SystemRoot ?? env.SYSTEMROOT });
  if (!plan) return false;
  const child = spawn(plan.command, plan.args, { detached: true, stdio: 'ignore', shell: false, windowsHide: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
