import { keyAccess } from '../../../shared/vexa/keyScope';
import type { ServerGeneration } from '../../../shared/vexa';

/**
 * Whether this key may delete a meeting's recording, and why not in words. G3's gateway asks for
 * the `bot` scope on `DELETE /recordings/{id}` (reads take `bot` or `tx`; gateway `ROUTE_SCOPES`,
 * see shared/vexa/keyScope.ts) and refuses it with 409 while the meeting runs. `scopes` null: the
 * key's scope is not known, so the button is offered and a refusal read out.
 */
export function recordingDeletion(
  generation: ServerGeneration | null,
  finished: boolean,
  scopes: readonly string[] | null,
): { canDelete: boolean; note: string | null } {
  if (generation !== 'g3') return { canDelete: true, note: null };
  if (scopes !== null && !keyAccess(scopes).bots)
    return {
      canDelete: false,
      note: 'This key can play and download recordings but not delete them: deleting needs a key with the “bot” scope.',
    };
  if (!finished) return { canDelete: false, note: 'The recording can be deleted once the meeting has ended.' };
  return { canDelete: true, note: null };
}

/**
 * What the recordings panel says when the meeting's server cannot be asked: offline, as the top
 * bar and the library say it, never the connection error itself; and whether a kept copy plays.
 */
export function offlineListReason(label: string, connected: boolean, keptFiles: number): string {
  // The panel shows an "Offline" badge beside this; the sentence says who cannot be reached.
  const lead = connected ? `${label} cannot be reached right now.` : `${label} is not connected.`;
  return keptFiles > 0
    ? `${lead} The copy kept on this computer plays without it.`
    : `${lead} The recording plays once it is back; no copy is kept on this computer. Next time, choose “Keep for offline” to listen without the server.`;
}
