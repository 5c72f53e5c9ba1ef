import { randomBytes, randomUUID } from 'node:crypto';
import type { MeetingRecord, MeetingStatus, SimScenario, SimSegment } from './types';

export interface NewMeeting {
  userId: number;
  platform: string;
  nativeId: string | null;
  constructedUrl: string | null;
  status: MeetingStatus;
  scenario: SimScenario;
  createdAt: number;
  botName?: string | null;
  language?: string | null;
  data?: Record<string, unknown>;
  withContainer?: boolean;
}

/** In-memory meeting rows, newest first per user, as the meetings table would hold them. */
export class MeetingStore {
  private readonly rows = new Map<number, MeetingRecord>();
  private nextId = 1;

  create(init: NewMeeting): MeetingRecord {
    const record: MeetingRecord = {
      id: this.nextId++,
      userId: init.userId,
      platform: init.platform,
      nativeId: init.nativeId,
      constructedUrl: init.constructedUrl,
      status: init.status,
      botContainerId: init.withContainer === false ? null : randomBytes(32).toString('hex'),
      startTime: null,
      endTime: null,
      completionReason: null,
      failureStage: null,
      createdAt: init.createdAt,
      updatedAt: init.createdAt,
      data: init.data ?? {},
      transitions: [],
      scenario: init.scenario,
      sessionUid: randomUUID(),
      botName: init.botName ?? null,
      language: init.language ?? null,
      stopRequested: false,
      admitPending: false,
      segments: new Map(),
      chat: [],
      viewers: new Set(),
    };
    this.rows.set(record.id, record);
    return record;
  }

  get(id: number): MeetingRecord | undefined {
    return this.rows.get(id);
  }

  remove(id: number): void {
    this.rows.delete(id);
  }

  all(): MeetingRecord[] {
    return [...this.rows.values()];
  }

  /** The user's meetings, newest first (created_at, then id). */
  forUser(userId: number): MeetingRecord[] {
    return this.all()
      .filter((m) => m.userId === userId)
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  }

  /** Every server generation targets the newest row for a (platform, native id) pair. */
  newest(userId: number, platform: string, nativeId: string): MeetingRecord | undefined {
    return this.forUser(userId).find((m) => m.platform === platform && m.nativeId === nativeId);
  }

  matching(userId: number, platform: string, nativeId: string): MeetingRecord[] {
    return this.forUser(userId).filter((m) => m.platform === platform && m.nativeId === nativeId);
  }
}

export function truthOf(m: MeetingRecord): SimSegment[] {
  const sessionStart = m.startTime ?? m.createdAt;
  return [...m.segments.values()]
    .filter((s) => s.completed)
    .sort((a, b) => a.start - b.start)
    .map((s) => ({
      segment_id: s.segmentId,
      speaker: s.speaker,
      text: s.text,
      start: s.start,
      end: s.end,
      language: s.language,
      absolute_start_time: new Date(sessionStart + s.start * 1000).toISOString(),
      absolute_end_time: new Date(sessionStart + s.end * 1000).toISOString(),
    }));
}
