// Types for buildRenderer.mjs (plain JavaScript so that `npm start` needs no build step).
export const STAMP: string;
export function sourcesHash(base?: string): string;
export function rendererIsCurrent(base?: string): boolean;
export function ensureRendererBuilt(options?: { force?: boolean; base?: string }): boolean;
