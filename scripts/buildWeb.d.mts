// Types for buildWeb.mjs (plain JavaScript so that `npm run web` needs no build step to build).
export const STAMP: string;
export const INPUTS: readonly string[];
export const OUTPUTS: readonly string[];
export function webCoreIsCurrent(base?: string): boolean;
export function ensureWebCoreBuilt(options?: { force?: boolean; base?: string }): Promise<boolean>;
export function webCoreArgs(base?: string): string[];
