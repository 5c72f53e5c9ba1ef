import { TERMINAL_STATUSES } from '../../../shared/meetings/outcome';
import type { Meeting } from '../../../shared/vexa/types';
import type { Library } from '../cache/library';
import type { Logger } from '../ports';
import type { TrackedMeeting } from './tracker';

export interface LibraryFollowerDeps {
  library: Library;
  serverId: string;
  logger: Logger;
  /** Rows whose status or reason changed (local ids), for the library's `changed` event. */
  onChanged(meetingIds: number[]): void;
  /** A followed bot ended: the server's final row and transcript are worth reading now. */
  onEnded(): void;
}

/** The cache row for a meeting seen live, from what the app tracks; sync later merges the server's row into it. */
export function trackedToMeeting(m: TrackedMeeting): Meeting {
  return {
    id: m.id,
    platform: m.platform,
    nativeMeetingId: m.nativeId,
    status: m.status,
    startTime: m.history[0]?.at ?? null,
    endTime: null,
    createdAt: m.history[0]?.at ?? null,
    updatedAt: null,
    name: null,
    notes: null,
    participants: [],
    languages: [],
    completionReason: m.completionReason,
    failureStage: m.failureStage,
    statusTransitions: [],
    meetingUrl: m.meetingUrl,
    botContainerId: null,
    shared: false,
    transcriptDeleted: false,
    data: {},
  };
}

interface Written {
  signature: string;
  ended: boolean;
}

const signature = (m: TrackedMeeting): string => `${m.status}|${m.completionReason ?? ''}|${m.failureStage ?? ''}`;

/**
 * Writes what the app learns about its bots (status frames, polls) into the offline library as it
 * happens, so a meeting's row says it ended the moment the bot left, with the reason, instead of
 * "Live" until the next sync. Each meeting is written only when its status or reason changed.
 */
export class LibraryFollower {
  private readonly written = new Map<number, Written>();

  constructor(private readonly d: LibraryFollowerDeps) {}

  follow(meetings: readonly TrackedMeeting[]): void {
    const changed: number[] = [];
    let ended = false;
    for (const m of meetings) {
      const sig = signature(m);
      const before = this.written.get(m.id);
      if (before?.signature === sig) continue;
      try {
        const result = this.d.library.recordBotStatus(this.d.serverId, trackedToMeeting(m), m.since);
        const isEnd = TERMINAL_STATUSES.has(m.status);
        this.written.set(m.id, { signature: sig, ended: isEnd });
        if (result.changed) changed.push(result.id);
        if (isEnd && !before?.ended) ended = true;
      } catch (e) {
        // The cache closed under a late frame, or refused the write: the next sync brings the row.
        this.d.logger.warn('Could not record a bot status in the library', { meetingId: m.id, error: String(e) });
      }
    }
    if (changed.length > 0) this.d.onChanged(changed);
    if (ended) this.d.onEnded();
  }
}
