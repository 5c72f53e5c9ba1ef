import type { AccountFeature, AccountInfo, TokenScope } from '../../../shared/ipc/admin';
import type { Generation } from '../../../shared/ipc/models';
import type { AuthMe } from '../../../shared/vexa';
import { prefixScope } from './views';

/**
 * The parts of the app and the G3 scopes that unlock them (gateway ROUTE_SCOPES,
 * vexa-server-behaviour.md §1): any one listed scope is enough.
 */
const FEATURES: ReadonlyArray<{ feature: AccountFeature['feature']; label: string; needs: TokenScope[] }> = [
  { feature: 'bots', label: 'Send bots to meetings and stop them', needs: ['bot'] },
  { feature: 'meetings', label: 'List your meetings', needs: ['tx'] },
  { feature: 'transcripts', label: 'Read and export transcripts', needs: ['tx'] },
  { feature: 'recordings', label: 'Listen to recordings', needs: ['bot', 'tx'] },
  { feature: 'webhooks', label: 'Set up a webhook', needs: ['bot', 'tx'] },
  { feature: 'browser', label: 'Browser sessions', needs: ['browser'] },
];

const SCOPE_WORDS: Record<string, string> = {
  bot: 'bot (send bots)',
  tx: 'tx (meetings and transcripts)',
  browser: 'browser (browser sessions)',
};

/** Which parts of the app a key unlocks; unknown (null) where the server does not scope keys or does not say. */
export function featuresFor(generation: Generation, scopes: string[] | null): AccountFeature[] {
  return FEATURES.filter((f) => generation === 'g3' || f.feature !== 'browser').map((f) => {
    if (generation === 'g1') return { ...f, needs: [], allowed: true };
    return { ...f, allowed: scopes ? f.needs.some((s) => scopes.includes(s)) : null };
  });
}

export function accountInfo(input: {
  generation: Generation;
  keyLabel: string | null;
  key: string;
  me: AuthMe | null;
  meError: string | null;
}): AccountInfo {
  // G1 keys carry no scope, whatever they look like.
  const fromPrefix = input.generation === 'g1' ? null : prefixScope(input.key);
  const scopes = input.me?.scopes ?? (fromPrefix ? [fromPrefix] : null);
  const notes: string[] = [];
  if (input.generation === 'g1') notes.push('This server (Vexa 0.9) does not scope keys: a key can do everything its user may do.');
  if (input.meError) notes.push(input.meError);
  if (scopes && scopes.includes('bot') && !scopes.includes('tx'))
    notes.push('This key can send bots but cannot read their transcripts. Ask for a key with both the "bot" and "tx" scopes.');
  return {
    generation: input.generation,
    keyLabel: input.keyLabel,
    source: input.me ? 'server' : fromPrefix ? 'prefix' : 'none',
    email: input.me?.email ?? null,
    userId: input.me?.userId ?? null,
    scopes,
    prefixScope: fromPrefix,
    maxConcurrent: input.me?.maxConcurrent ?? null,
    features: featuresFor(input.generation, input.generation === 'g1' ? null : scopes),
    notes,
  };
}

/** "bot (send bots) and tx (…)": the scopes of a key in words. */
export function describeScopes(scopes: string[]): string {
  if (scopes.length === 0) return 'no scope';
  const words = scopes.map((s) => SCOPE_WORDS[s] ?? s);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/**
 * Adds what the key has to the client's sentence about the scope an action needs. The client
 * already says it when it knew the key's scopes (its sentences then start "This key"), so that
 * sentence is left as it is.
 */
export function scopeRefusal(message: string, keyScopes: string[] | null): string {
  if (!keyScopes || /\bThis key (can|has|is)\b/.test(message)) return message;
  return `${message} This key has ${describeScopes(keyScopes)}.`;
}
