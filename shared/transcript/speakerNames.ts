/**
 * Speaker corrections: the names a person gave the speaker labels a server sends. The server's
 * labels are never changed; the name shown is derived from them here, in the same way for live
 * captions (renderer), the library, search, exports and the MCP server (core).
 *
 * - `rename`: a label is shown as `name` (in one meeting, or in every meeting of the server).
 * - `merge`: a label is shown as another label (`name` holds that label) and takes its renames.
 * - `split`: in one meeting, a label's lines from a time on are a speaker of their own, `name`.
 *
 * Order: a split picks the lines' label (the latest split at or before the line wins), then merges
 * (followed, at most a few steps, never in a circle), then a rename. A one-meeting correction beats a
 * server-wide one; among equals the newest wins.
 */

export type SpeakerFixKind = 'rename' | 'merge' | 'split';

export interface SpeakerFix {
  id: number;
  serverId: string;
  /** The server's meeting id for a one-meeting correction; null: every meeting of the server. */
  meetingId: number | null;
  kind: SpeakerFixKind;
  /** The label the correction applies to (a split: the server's label). */
  label: string;
  /** rename and split: the name shown; merge: the label it joins. */
  name: string;
  /** split only: from this line on (epoch ms of its start, else seconds from the meeting's start). */
  fromAbsolute: number | null;
  fromStart: number | null;
  createdAt: number;
}

/** A line as the resolver needs it: its server label and when it starts. */
export interface SpeakerLine {
  speaker: string | null;
  start?: number | null;
  absoluteStart?: number | null;
}

export interface ResolvedSpeaker {
  /** The name to show (null: no speaker). */
  name: string | null;
  /** The label after splits and merges: what "rename" and "merge" act on. */
  key: string | null;
  /** The server's label. */
  original: string | null;
  /** Whether any correction changed this line's name. */
  corrected: boolean;
}

const MAX_MERGE_STEPS = 8;
export const MAX_SPEAKER_NAME = 200;

function newestFirst(a: SpeakerFix, b: SpeakerFix): number {
  // One meeting's correction first, then the newest.
  const scope = Number(b.meetingId !== null) - Number(a.meetingId !== null);
  return scope !== 0 ? scope : b.createdAt - a.createdAt || b.id - a.id;
}

function splitApplies(fix: SpeakerFix, line: SpeakerLine): boolean {
  if (fix.fromAbsolute !== null && typeof line.absoluteStart === 'number') return line.absoluteStart >= fix.fromAbsolute;
  if (fix.fromStart !== null && typeof line.start === 'number') return line.start >= fix.fromStart;
  return false;
}

/** The later of two splits that apply to a line: the one that starts later (by the time both carry), then the newer. */
function laterSplit(a: SpeakerFix, b: SpeakerFix): SpeakerFix {
  if (a.fromAbsolute !== null && b.fromAbsolute !== null && a.fromAbsolute !== b.fromAbsolute)
    return b.fromAbsolute > a.fromAbsolute ? b : a;
  if (a.fromStart !== null && b.fromStart !== null && a.fromStart !== b.fromStart) return b.fromStart > a.fromStart ? b : a;
  return b.id > a.id ? b : a;
}

/**
 * The corrections of one meeting (of one server), ready to resolve many lines: build once per
 * meeting and fix list, then call `resolve` per line.
 */
export class SpeakerNames {
  private readonly splits = new Map<string, SpeakerFix[]>();
  private readonly merges = new Map<string, SpeakerFix>();
  private readonly renames = new Map<string, SpeakerFix>();
  readonly fixes: readonly SpeakerFix[];

  constructor(all: readonly SpeakerFix[], serverId: string, meetingId: number | null) {
    this.fixes = all.filter((f) => f.serverId === serverId && (f.meetingId === null || f.meetingId === meetingId)).sort(newestFirst);
    for (const f of this.fixes) {
      if (f.kind === 'split') {
        if (f.meetingId === null) continue;
        const list = this.splits.get(f.label) ?? [];
        list.push(f);
        this.splits.set(f.label, list);
      } else {
        const map = f.kind === 'merge' ? this.merges : this.renames;
        if (!map.has(f.label)) map.set(f.label, f);
      }
    }
  }

  get empty(): boolean {
    return this.fixes.length === 0;
  }

  /** The label a server label becomes after merges (no split). */
  keyOf(label: string): string {
    let key = label;
    const seen = new Set([key]);
    for (let i = 0; i < MAX_MERGE_STEPS; i++) {
      const next = this.merges.get(key)?.name;
      if (next === undefined || seen.has(next)) break;
      seen.add(next);
      key = next;
    }
    return key;
  }

  /** The name shown for a key (after merges). */
  nameOfKey(key: string): string {
    return this.renames.get(key)?.name ?? key;
  }

  resolve(line: SpeakerLine): ResolvedSpeaker {
    const original = line.speaker;
    if (original === null || original === '' || this.fixes.length === 0)
      return { name: original, key: original, original, corrected: false };
    let label = original;
    let split: SpeakerFix | null = null;
    for (const f of this.splits.get(original) ?? []) if (splitApplies(f, line)) split = split ? laterSplit(split, f) : f;
    if (split) label = split.name;
    const key = this.keyOf(label);
    const name = this.nameOfKey(key);
    return { name, key, original, corrected: name !== original };
  }

  /** The corrections that touch a line (for "Restore original"), newest first. */
  touching(line: SpeakerLine): SpeakerFix[] {
    const r = this.resolve(line);
    if (!r.corrected || r.original === null) return [];
    const labels = new Set<string>([r.original]);
    for (const f of this.splits.get(r.original) ?? []) labels.add(f.name);
    let key = r.original;
    for (const l of [...labels]) {
      key = l;
      for (let i = 0; i < MAX_MERGE_STEPS; i++) {
        const next = this.merges.get(key)?.name;
        if (next === undefined || labels.has(next)) break;
        labels.add(next);
        key = next;
      }
    }
    return this.fixes.filter((f) => labels.has(f.label) && (f.kind !== 'split' || f.label === r.original));
  }
}

/** One resolver per meeting of one server, for a batch of lines of several meetings. */
export function namesFor(all: readonly SpeakerFix[]): (serverId: string, meetingId: number | null) => SpeakerNames {
  const cache = new Map<string, SpeakerNames>();
  return (serverId, meetingId) => {
    const k = `${serverId}\u0000${meetingId ?? ''}`;
    let names = cache.get(k);
    if (!names) {
      names = new SpeakerNames(all, serverId, meetingId);
      cache.set(k, names);
    }
    return names;
  };
}

/** A correction in words, for the list that restores them. */
export function describeFix(fix: SpeakerFix, serverName: string): string {
  const where = fix.meetingId === null ? `everywhere on ${serverName}` : 'in this meeting';
  if (fix.kind === 'rename') return `“${fix.label}” is shown as “${fix.name}” ${where}`;
  if (fix.kind === 'merge') return `“${fix.label}” is merged into “${fix.name}” ${where}`;
  return `“${fix.label}” is “${fix.name}” from a later line on, in this meeting`;
}

/** A name typed by the person: one line, trimmed, bounded; null when nothing is left. */
export function cleanSpeakerName(raw: string): string | null {
  const name = raw
    .replace(/[\u0000-\u001f\u007f\u2028\u2029\ue000\ue001]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') return null;
  return [...name].slice(0, MAX_SPEAKER_NAME).join('');
}
