import { create } from 'zustand';
import type { CaptionView, LiveDeltaView, LiveEarlierView, LiveSnapshotView } from '../../../shared/ipc/models';
import { meetingKey, type MeetingKey } from '../../app/meetingKey';
import { CaptionIndex, type CaptionPosition, type CaptionTurn } from './captionIndex';
import type { GapView } from './timeline';

/**
 * The live captions of every meeting the window shows (fed by `live:open` snapshots and
 * `live:segments` deltas), keyed by `meetingKey` (two servers may both have meeting 7). Each
 * meeting's lines live in a mutable `CaptionIndex`; `revision` and the `turns` array change with
 * every update, so selectors notice.
 */

export interface MeetingCaptions {
  status: 'loading' | 'ready' | 'error';
  /** Why the captions could not be loaded (or refreshed, while older ones still show). */
  error: string | null;
  index: CaptionIndex;
  turns: readonly CaptionTurn[];
  revision: number;
  version: number;
  /** Lines before the first one shown that are still on their way (a long meeting's first paint holds only its newest). */
  earlier: number;
  gaps: GapView[];
  rejectedFrames: number;
  /** Lines confirmed by the latest update; `seq` grows with each batch so a listener sees it once. */
  confirmed: { seq: number; lines: CaptionView[] };
}

interface CaptionsStore {
  meetings: Record<string, MeetingCaptions>;
  /** A snapshot was requested: deltas are kept until it arrives, then replayed on top of it. */
  begin(meeting: MeetingKey): void;
  fail(meeting: MeetingKey, message: string): void;
  applySnapshot(snapshot: LiveSnapshotView): void;
  /** The lines before `before` that a snapshot of the newest lines left out, as the core held them when it answered. */
  applyEarlier(earlier: LiveEarlierView, before: CaptionPosition): void;
  applyDelta(delta: LiveDeltaView): void;
  /** Drops the captions of meetings that are no longer followed (by `meetingKey`). */
  retain(keys: ReadonlySet<string>): void;
  /** Drops one meeting's captions (the library shows its transcript instead); reopening loads them again. */
  release(meeting: MeetingKey): void;
}

function emptyEntry(): MeetingCaptions {
  return {
    status: 'loading',
    error: null,
    index: new CaptionIndex(),
    turns: [],
    revision: 0,
    version: -1,
    earlier: 0,
    gaps: [],
    rejectedFrames: 0,
    confirmed: { seq: 0, lines: [] },
  };
}

export const useCaptionsStore = create<CaptionsStore>()((set, get) => {
  const buffers = new Map<string, LiveDeltaView[]>();

  const put = (key: string, entry: MeetingCaptions): void => set((s) => ({ meetings: { ...s.meetings, [key]: entry } }));

  return {
    meetings: {},
    begin: ({ serverId, meetingId }) => {
      const key = meetingKey(serverId, meetingId);
      buffers.set(key, []);
      const entry = get().meetings[key];
      // A refresh keeps showing what is there; only a first load shows progress.
      if (!entry) put(key, emptyEntry());
      else if (entry.status === 'error') put(key, { ...entry, status: 'loading', error: null });
    },
    fail: ({ serverId, meetingId }, message) => {
      const key = meetingKey(serverId, meetingId);
      buffers.delete(key);
      const entry = get().meetings[key] ?? emptyEntry();
      put(key, entry.status === 'ready' ? { ...entry, error: message } : { ...entry, status: 'error', error: message });
    },
    applySnapshot: (snapshot) => {
      const id = meetingKey(snapshot.serverId, snapshot.meetingId);
      const entry = get().meetings[id] ?? emptyEntry();
      const pending = buffers.get(id) ?? [];
      buffers.delete(id);
      const first = snapshot.segments[0];
      const earlier = snapshot.earlier ?? 0;
      // Only the newest lines came: they replace what is held from their first line on, and the
      // lines before it stay (on a refresh) until the earlier lines replace them.
      if (earlier > 0 && first) entry.index.replaceStretch(snapshot.segments, { from: first });
      else entry.index.reset(snapshot.segments);
      let version = snapshot.version;
      // Deltas pushed after the snapshot was taken carry later versions; earlier ones are in it.
      for (const delta of pending) {
        if (delta.version <= version) continue;
        entry.index.apply(delta.upserted, delta.removed);
        version = delta.version;
      }
      put(id, {
        ...entry,
        status: 'ready',
        error: null,
        turns: entry.index.turns,
        revision: entry.revision + 1,
        version,
        earlier,
        gaps: snapshot.gaps,
        rejectedFrames: snapshot.rejectedFrames,
      });
    },
    applyEarlier: (earlier, before) => {
      const id = meetingKey(earlier.serverId, earlier.meetingId);
      const entry = get().meetings[id];
      if (!entry) return;
      // Deltas pushed before this answer are in it; later ones apply on top, as usual.
      entry.index.replaceStretch(earlier.segments, { before });
      put(id, { ...entry, earlier: 0, turns: entry.index.turns, revision: entry.revision + 1 });
    },
    applyDelta: (delta) => {
      const id = meetingKey(delta.serverId, delta.meetingId);
      buffers.get(id)?.push(delta);
      const entry = get().meetings[id];
      if (!entry || entry.status !== 'ready' || delta.version <= entry.version) return;
      const outcome = entry.index.apply(delta.upserted, delta.removed);
      put(id, {
        ...entry,
        version: delta.version,
        ...(outcome.changed ? { turns: entry.index.turns, revision: entry.revision + 1 } : {}),
        ...(outcome.newlyConfirmed.length ? { confirmed: { seq: entry.confirmed.seq + 1, lines: outcome.newlyConfirmed } } : {}),
      });
    },
    retain: (keys) => {
      const meetings = get().meetings;
      const kept = Object.entries(meetings).filter(([key]) => keys.has(key));
      if (kept.length === Object.keys(meetings).length) return;
      for (const key of buffers.keys()) if (!keys.has(key)) buffers.delete(key);
      set({ meetings: Object.fromEntries(kept) });
    },
    release: ({ serverId, meetingId }) => {
      const key = meetingKey(serverId, meetingId);
      buffers.delete(key);
      if (!(key in get().meetings)) return;
      const { [key]: _dropped, ...rest } = get().meetings;
      set({ meetings: rest });
    },
  };
});
