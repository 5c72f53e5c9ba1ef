// Types for electronInstall.mjs (plain JavaScript so that `npm start` needs no build step).
import type { InstallFailure } from './electronInstallFailure.mjs';

type Env = Readonly<Record<string, string | undefined>>;

export function electronPackageDir(root: string, env?: Env): string;
export function findElectronBinary(pkg: string, env?: Env, platform?: string): string | null;
export function proxyFor(env?: Env): string | null;
export function mirrorFor(env?: Env): string | null;
export function electronCacheDir(env?: Env, platform?: string, home?: string): string;
export function installerEnv(root: string, env?: Env, options?: { tty?: boolean }): Record<string, string | undefined>;
export function installElectron(options: {
  root: string;
  pkg: string;
  env?: Env;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream;
}): Promise<{ ok: true } | { ok: false; output: string; interrupted: boolean; discarded: boolean; explanation: InstallFailure }>;
