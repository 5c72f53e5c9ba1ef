import type { MeetingPatch } from '../../../shared/vexa/types';
import { sameValue } from './rows';
import { EDITABLE_FIELDS, type EditableField, type EditableValues, type OutboxState } from './types';

/**
 * The conflict rule between the user's edits and the server, applied whenever a meeting row
 * arrives from the server (list sync, meeting details, a PATCH response):
 *
 * 1. A field the user edited keeps showing the user's value until the server holds that same
 *    value; then the edit is done and the field is the server's again.
 * 2. If the server's value of an edited field changed since the cache last saw it, and the
 *    server's change is not older than the edit (its `updated_at` is at or after the edit, or
 *    unknown), the edit becomes a `conflict`: the user's value stays shown, the server's value is
 *    recorded next to it, and nothing is sent until the user keeps theirs or takes the server's.
 * 3. A server change older than the edit is not a conflict (the cache was merely behind): the
 *    edit stays queued and wins when it is replayed.
 * 4. Fields the user did not edit, or whose edits are all done or dropped, take the server's value
 *    (so a server that normalises what it was sent has the last word once the edit is through).
 * 5. An edit in flight (`sending`) is never flagged: its PATCH response settles it.
 *
 * Nothing is lost either way: the server's latest value is kept in `server_fields`.
 */
export interface OpenEdit {
  id: number;
  fields: MeetingPatch;
  state: OutboxState;
  createdAt: number;
}

export interface MergeInput {
  incoming: EditableValues;
  serverUpdatedAt: number | null;
  /** What the cache shows now, the server values it last saw, and the fields showing an edit. */
  cached: { shown: EditableValues; server: Partial<EditableValues>; local: EditableField[] } | null;
  /** The meeting's edits that are not done, oldest first. */
  edits: OpenEdit[];
}

export interface MergeOutput {
  shown: EditableValues;
  local: EditableField[];
  done: number[];
  conflicts: Array<{ id: number; serverValues: MeetingPatch }>;
}

const CAN_CONFLICT: ReadonlySet<OutboxState> = new Set(['pending', 'failed', 'local', 'conflict']);

export function mergeServerValues({ incoming, serverUpdatedAt, cached, edits }: MergeInput): MergeOutput {
  if (!cached) return { shown: { ...incoming }, local: [], done: [], conflicts: [] };
  const shown = { ...cached.shown } as Record<EditableField, unknown>;
  const local = new Set(cached.local);
  const conflicted = new Map<number, MeetingPatch>();

  for (const f of EDITABLE_FIELDS) {
    if (!local.has(f)) {
      shown[f] = incoming[f];
      continue;
    }
    const touching = edits.filter((e) => f in e.fields);
    // No edit is waiting for this field any more (sent, or the server reworded what it took).
    if (touching.length === 0 || sameValue(incoming[f], shown[f])) {
      shown[f] = incoming[f];
      local.delete(f);
      continue;
    }
    const serverChanged = f in cached.server && !sameValue(incoming[f], cached.server[f]);
    const newest = touching[touching.length - 1];
    if (!serverChanged || !newest) continue;
    if (serverUpdatedAt !== null && serverUpdatedAt < newest.createdAt) continue;
    for (const e of touching) {
      if (!CAN_CONFLICT.has(e.state)) continue;
      conflicted.set(e.id, { ...conflicted.get(e.id), [f]: incoming[f] });
    }
  }

  // An edit is done once every field it changed shows the server's (equal) value.
  const done = edits
    .filter((e) => e.state !== 'sending' && !conflicted.has(e.id))
    .filter((e) => Object.keys(e.fields).every((f) => !local.has(f as EditableField)))
    .map((e) => e.id);
  return {
    shown: shown as EditableValues,
    local: EDITABLE_FIELDS.filter((f) => local.has(f)),
    done,
    conflicts: [...conflicted].map(([id, serverValues]) => ({ id, serverValues })),
  };
}

export function editableOf(m: { name: string | null; notes: string | null; participants: string[]; languages: string[] }): EditableValues {
  return { name: m.name ?? '', notes: m.notes ?? '', participants: m.participants, languages: m.languages };
}
