// Types for electronSandbox.mjs (plain JavaScript so that `npm start` needs no build step).
export interface UsernsFacts {
  apparmorRestrict: number | null;
  usernsClone: number | null;
  maxUserNamespaces: number | null;
}

export type HelperFacts = { path: string; uid: number; mode: number } | { path: string; missing: true };

export interface SandboxFacts {
  platform: string;
  uid: number | null;
  userns: UsernsFacts;
  helper: HelperFacts;
}

export function usernsRestriction(userns: UsernsFacts): string | null;
export function helperConfigured(helper: HelperFacts): boolean;
export function planSandbox(facts: SandboxFacts): { args: string[]; notice: string | null };
export function readSandboxFacts(options: { binary: string; platform?: string; uid?: number | null; procRoot?: string }): SandboxFacts;
