// Types for electronInstallFailure.mjs (plain JavaScript so that `npm start` needs no build step).
export type InstallFailureCause = 'network' | 'blocked' | 'interrupted' | 'disk' | 'mirror' | 'unknown';

export interface InstallFailureContext {
  proxy?: string | null;
  mirror?: string | null;
  systemCa?: boolean;
  cacheDir?: string | null;
}

export interface InstallFailure {
  cause: InstallFailureCause;
  /** What happened, in one or two sentences. */
  reason: string;
  /** What to do, one step per line. */
  retry: string[];
}

export function explainInstallFailure(output: string, context?: InstallFailureContext): InstallFailure;
