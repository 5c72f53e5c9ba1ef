import type { SimContext } from './context';
import { constructUrl } from './meetingLinks';
import { lineStarts, longScript, planningScript, type ScriptLine } from './script';
import type { MeetingRecord, MeetingStatus, SimInvitee, UserRecord } from './types';

interface SeedMeeting {
  name: string;
  platform: string;
  nativeId: string;
  passcode?: string;
  daysAgo: number;
  lines: ScriptLine[];
  /** G3: the calendar invitation it was planned from (participants `source: "invite"`). */
  invitees?: SimInvitee[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function seedMeetings(): SeedMeeting[] {
  const spoken = longScript(90).filter((l) => !l.chat);
  return [
    { name: 'Support sync', platform: 'zoom', nativeId: '84213579601', daysAgo: 6, lines: spoken.slice(60, 100) },
    {
      name: 'Design review: onboarding',
      platform: 'teams',
      nativeId: '93817264501',
      passcode: 'Rv7Kq2',
      daysAgo: 3,
      lines: spoken.slice(33, 60),
    },
    {
      name: 'June release planning',
      platform: 'google_meet',
      nativeId: 'kqv-mzrp-tdx',
      daysAgo: 1,
      lines: planningScript().filter((l) => !l.chat),
      invitees: [
        { name: 'Maya Lindqvist', email: 'maya@example.com', responseStatus: 'accepted' },
        { name: 'Daniel Okafor', email: 'daniel@example.com', responseStatus: 'accepted' },
        { name: 'Priya Raman', email: 'priya@example.com', responseStatus: 'tentative' },
        { name: 'Sam Whitfield', email: 'sam@example.com', responseStatus: 'declined' },
      ],
    },
  ];
}

/**
 * Completed past meetings with transcripts, so a demo library is not empty. Rows are written
 * directly with past timestamps; no frames are published for them.
 */
export function seedLibrary(ctx: SimContext, users: readonly UserRecord[]): void {
  const now = ctx.clock.now();
  for (const user of users) {
    for (const seed of seedMeetings()) {
      const created = now - seed.daysAgo * DAY - 2 * HOUR;
      const m = ctx.meetings.create({
        userId: user.id,
        platform: seed.platform,
        nativeId: seed.nativeId,
        constructedUrl: constructUrl(ctx.profile, seed.platform, seed.nativeId, seed.passcode) ?? `https://zoom.us/j/${seed.nativeId}`,
        status: 'completed',
        scenario: 'normal',
        createdAt: created,
        data: { name: seed.name },
      });
      if (seed.invitees && ctx.profile === 'g3') m.invitees = seed.invitees;
      fillTranscript(m, seed.lines, created + 15_000);
      const end = (m.startTime ?? created) + lastEnd(seed.lines) * 1000 + 4_000;
      writeTrail(ctx, m, created, end);
    }
  }
}

function lastEnd(lines: readonly ScriptLine[]): number {
  const starts = lineStarts(lines);
  const i = lines.length - 1;
  return i < 0 ? 0 : starts[i]! + lines[i]!.seconds;
}

function fillTranscript(m: MeetingRecord, lines: readonly ScriptLine[], sessionStart: number): void {
  m.startTime = sessionStart;
  const starts = lineStarts(lines);
  lines.forEach((line, i) => {
    const start = starts[i]!;
    const id = `${m.sessionUid}:${line.speaker.key}:${Math.round(start * 1000)}`;
    const at = sessionStart + (start + line.seconds) * 1000;
    m.segments.set(id, {
      segmentId: id,
      speaker: line.speaker.name,
      speakerKey: line.speaker.key,
      text: line.text,
      start,
      end: Math.round((start + line.seconds) * 1000) / 1000,
      completed: true,
      source: 'glow-bound',
      language: 'en',
      createdAt: at,
      updatedAt: at,
    });
  });
}

function writeTrail(ctx: SimContext, m: MeetingRecord, created: number, end: number): void {
  const active = m.startTime ?? created;
  const steps: Array<[MeetingStatus, number]> = [
    ['joining', created + 2_000],
    ['awaiting_admission', created + 5_000],
    ['active', active],
    ['completed', end],
  ];
  let from: MeetingStatus | null = ctx.profile === 'g3' ? null : 'requested';
  for (const [to, at] of steps) {
    const terminal = to === 'completed';
    m.transitions.push({
      from,
      to,
      at,
      source: ctx.profile === 'g1' && terminal ? 'user' : 'bot_callback',
      ...(terminal ? { completionReason: 'left_alone' } : {}),
      ...(terminal && ctx.profile === 'g3' ? { reason: 'left_alone' } : {}),
    });
    from = to;
  }
  m.endTime = end;
  m.updatedAt = end;
  m.completionReason = 'left_alone';
  m.data.completion_reason = 'left_alone';
  if (ctx.profile === 'g3') m.data.segments_captured = m.segments.size;
}
