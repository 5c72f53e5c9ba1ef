// Types for buildRenderer.mjs (plain JavaScript so that `npm start` needs no build step).
export const STAMP: string;
/** `inputs`: the files and folders (relative to `base`) to hash; the renderer's by default. */
export function sourcesHash(base?: string, inputs?: readonly string[]): string;
export function rendererIsCurrent(base?: string): boolean;
export function ensureRendererBuilt(options?: { force?: boolean; base?: string }): boolean;
