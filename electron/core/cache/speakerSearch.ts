import type { SpeakerFix } from '../../../shared/transcript/speakerNames';
import { matchParticipant } from './participantMatch';
import type { SpeakerFixStore } from './speakerFixes';
import type { SnippetPart } from './types';

/**
 * The search and speaker corrections. The full-text index holds the server's labels, so a search
 * for a corrected name also asks for the labels that may be shown under it (`aliasMatch`), and
 * every hit is then judged by the name shown (`shownHit`): a line found only through a label that
 * is shown under another name is left out, and hits name the speaker as the library shows it.
 */

const MAX_ALIASES = 64;

function quote(label: string): string {
  return `"${label.replace(/"/g, '""')}"`;
}

/** The server labels that may be shown under a name the query matches. */
export function aliasLabels(fixes: readonly SpeakerFix[], terms: readonly string[], prefix: boolean): string[] {
  const labels = new Set<string>();
  const intoKey = new Map<string, string[]>();
  for (const f of fixes) if (f.kind === 'merge') intoKey.set(f.name, [...(intoKey.get(f.name) ?? []), f.label]);
  const addWithMerged = (label: string, depth = 0) => {
    if (labels.has(label) || depth > 8) return;
    labels.add(label);
    for (const from of intoKey.get(label) ?? []) addWithMerged(from, depth + 1);
  };
  for (const f of fixes) {
    if (!matchParticipant(f.name, terms, prefix)) continue;
    if (f.kind === 'split') labels.add(f.label);
    else if (f.kind === 'rename') addWithMerged(f.label);
    // A label merged into a label the query names.
    else addWithMerged(f.label);
  }
  return [...labels].slice(0, MAX_ALIASES);
}

/** The segment match, widened to lines of the labels shown under a matching name; null when no name matches. */
export function aliasMatch(match: string, labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  return `(${match}) OR speaker : (${labels.map(quote).join(' OR ')})`;
}

export interface RawSegmentHit {
  server_id: string;
  remote_id: number;
  speaker: string | null;
  start_s: number;
  abs_start: number | null;
}

/**
 * The name shown for a hit and whether the hit stands: its text matched, its shown name matches
 * the query, or its speaker matched and is shown as the server named it.
 */
export function shownHit(
  store: SpeakerFixStore,
  row: RawSegmentHit,
  q: { terms: readonly string[]; prefix: boolean },
  parts: { text: SnippetPart[]; speaker: SnippetPart[] },
  /** The match was widened with `aliasMatch`: a label's mark may come from the widening alone. */
  aliased: boolean,
): { keep: boolean; speaker: string | null; speakerMatch: SnippetPart[] | null } {
  const r = store
    .forMeeting(row.server_id, row.remote_id)
    .resolve({ speaker: row.speaker, start: row.start_s, absoluteStart: row.abs_start });
  const textMatched = parts.text.some((p) => p.match);
  if (!r.corrected) {
    const speakerMatched = parts.speaker.some((p) => p.match);
    const own = !aliased || textMatched || (row.speaker !== null && matchParticipant(row.speaker, q.terms, q.prefix) !== null);
    return { keep: own, speaker: row.speaker, speakerMatch: speakerMatched ? parts.speaker : null };
  }
  const named = r.name ? matchParticipant(r.name, q.terms, q.prefix) : null;
  return { keep: textMatched || named !== null, speaker: r.name, speakerMatch: named };
}
