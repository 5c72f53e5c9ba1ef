import type { SimProfile } from './types';

/** Python `datetime.isoformat()` of a naive UTC value: microseconds, no zone (G1/G2 REST). */
export function pyNaive(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '000';
}

/** Python `isoformat()` of an aware UTC value (G1 transcript frames, G3 `bm:` frames). */
export function pyOffset(ms: number): string {
  return pyNaive(ms) + '+00:00';
}

/** G3 `_iso_utc`: microseconds with `Z`. */
export function pyZulu(ms: number): string {
  return pyNaive(ms) + 'Z';
}

/** JavaScript `toISOString()`, as the TypeScript bot writes it (G2/G3 bot frames). */
export function jsIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** REST datetimes: G1/G2 serialize naive DB columns without a zone; G3 stamps `Z`. */
export function restTime(profile: SimProfile, ms: number | null): string | null {
  if (ms === null) return null;
  return profile === 'g3' ? pyZulu(ms) : pyNaive(ms);
}

/** Platforms accepted by typed path parameters (`/bots/{platform}/...`, `/transcripts/{platform}/...`). */
export function pathPlatforms(profile: SimProfile): readonly string[] {
  switch (profile) {
    case 'g1':
      return ['google_meet', 'zoom', 'teams'];
    case 'g2':
      return ['google_meet', 'zoom', 'teams', 'browser_session', 'discord'];
    case 'g3':
      return ['google_meet', 'zoom', 'teams', 'jitsi', 'browser_session'];
  }
}

/** Which service answers a refused key in G1, where the gateway checks nothing itself. */
export type RouteService = 'bots' | 'collector' | 'gateway' | 'identity';

/**
 * Key errors. G1 has no gateway auth: bot-manager and the collector answer 403 with their own
 * wording; G2/G3 gateways answer 401.
 */
export function missingKeyError(profile: SimProfile, service: RouteService): { status: number; detail: string } {
  if (profile !== 'g1') return { status: 401, detail: 'Missing API key' };
  if (service === 'identity') return { status: 401, detail: 'Missing API Key' };
  return { status: 403, detail: service === 'bots' ? 'Missing API token (X-API-Key header)' : 'Missing API token' };
}

export function invalidKeyError(profile: SimProfile, service: RouteService = 'gateway'): { status: number; detail: string } {
  if (profile !== 'g1') return { status: 401, detail: 'Invalid API key' };
  // admin-api's own user check (the `/user/*` routes) words it differently from bot-manager.
  return service === 'identity' ? { status: 403, detail: 'Invalid API Key' } : { status: 403, detail: 'Invalid API token' };
}

export const SCOPE_ERROR = 'Insufficient scope for this endpoint';
export const ADMIN_ERROR = 'Invalid or missing admin token.';

/** Statuses that block a duplicate POST /bots and count toward the concurrency cap. */
export function activeStatuses(profile: SimProfile, purpose: 'duplicate' | 'cap'): ReadonlySet<string> {
  const base = ['requested', 'joining', 'awaiting_admission', 'active'];
  if (profile === 'g3') base.push('needs_help');
  // G3 counts stopping bots toward the cap; no generation lets a stopping bot block a new one.
  if (profile === 'g3' && purpose === 'cap') base.push('stopping');
  return new Set(base);
}
