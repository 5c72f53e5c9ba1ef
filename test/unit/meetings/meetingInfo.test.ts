import { describe, expect, it } from 'vitest';
import { healthAdvice, parseHealthFrame } from '../../../shared/meetings/health';
import { explainCapture } from '../../../shared/meetings/outcome';
import { groupTurns } from '../../../shared/transcript';
import type { RenderedSegment } from '../../../shared/transcript';
import { chatFrameAsTranscript } from '../../../shared/vexa/chat';
import { normaliseParticipants } from '../../../shared/vexa/participants';
import { participantsSummary } from '../../../renderer/features/meetingInfo/describe';

describe('participants as each server lists them', () => {
  it('G3: invite and speaker rows stay apart, and attendance is not recorded (docs/docs/api/meetings.mdx)', () => {
    // The documented example: Alice invited and heard appears twice, Bob invited and silent once.
    const p = normaliseParticipants({
      meeting_id: 12345,
      platform: 'google_meet',
      native_meeting_id: 'abc-defg-hij',
      participants: [
        { name: 'Alice Example', email: 'alice@example.com', source: 'invite', response_status: 'accepted' },
        { name: 'Bob Silent', email: 'bob@example.com', source: 'invite', response_status: 'accepted' },
        { name: 'Alice Example', email: null, source: 'speaker' },
      ],
      sources: ['invite', 'speaker'],
      observed_roster: 'not_recorded',
    });
    expect(p.meetingId).toBe(12345);
    expect(p.rows.map((r) => `${r.source}:${r.name}`)).toEqual(['invite:Alice Example', 'invite:Bob Silent', 'speaker:Alice Example']);
    expect(p.rosterRecorded).toBe(false);
    const s = participantsSummary({ state: 'fresh', message: null, fetchedAt: 1, ...p });
    expect(s.invited.map((l) => l.detail)).toEqual(['Invited · accepted', 'Invited · accepted']);
    expect(s.note).toMatch(/^Attendance was not recorded/);
  });

  it('an empty G3 list never reads as "nobody came"', () => {
    const p = normaliseParticipants({ meeting_id: 1, participants: [], sources: [], observed_roster: 'not_recorded' });
    const s = participantsSummary({ state: 'fresh', message: null, fetchedAt: 1, ...p });
    expect(s.note).toBe('Attendance was not recorded for this meeting, and nobody was heard or invited through a calendar.');
  });

  it('G2: speakers with their talk time (ParticipantsResponse, meeting-api schemas.py)', () => {
    const p = normaliseParticipants({
      id: 7,
      participant_count: 1,
      participants: [
        { name: 'Maya', segment_count: 3, first_seen: '2026-06-01T10:00:00', last_seen: '2026-06-01T10:05:00', speaking_time_seconds: 252 },
      ],
    });
    expect(p.meetingId).toBe(7);
    expect(p.rows[0]).toMatchObject({ source: 'speaker', segmentCount: 3, speakingSeconds: 252, firstSeen: Date.UTC(2026, 5, 1, 10) });
    expect(participantsSummary({ state: 'fresh', message: null, fetchedAt: 1, ...p }).spoke[0]!.detail).toBe(
      'Spoke · 4 min 12 s · 3 lines',
    );
  });
});

describe('health frames (core/meetings/services/desktop/src/desktop.ts reportFault)', () => {
  it('reads a no-signal frame as no audio, named by its link', () => {
    const h = parseHealthFrame({
      type: 'health',
      meeting: 'google_meet/abc-defg-hij',
      source: 'capture',
      kind: 'no-signal',
      detail: 'no audio frames for 9s',
    });
    expect(h).toMatchObject({ platform: 'google_meet', nativeId: 'abc-defg-hij', problem: 'no_audio' });
    expect(healthAdvice(h!).title).toBe('The bot hears no audio');
  });

  it('reads an engine fault as transcription down, with advice for an empty balance', () => {
    const h = parseHealthFrame({ type: 'health', meeting: 'zoom/123456789', source: 'engine', kind: 'payment_required', status: 402 })!;
    expect(h.problem).toBe('transcription_down');
    expect(healthAdvice(h).advice).toMatch(/no balance left/);
    expect(healthAdvice({ problem: 'transcription_down', status: 500, kind: 'http' }).advice).toMatch(/engine is failing/);
  });

  it('ignores other frames and a meeting it cannot name', () => {
    expect(parseHealthFrame({ type: 'transcript', meeting: 'a/b' })).toBeNull();
    expect(parseHealthFrame({ type: 'health', meeting: { id: 3 } })).toBeNull();
  });
});

describe('what the server captured, in words', () => {
  it('says why a transcript is empty (data.stt_fault) and how many lines were captured', () => {
    const stt = { kinds: [{ kind: 'payment_required', count: 18, status: 402, detail: 'Insufficient balance' }], total: 18 };
    expect(explainCapture({ sttFault: stt, segmentsCaptured: 0 })).toBe(
      'The transcription service refused the audio 18 times because its account had no balance left. No lines were transcribed.',
    );
    expect(explainCapture({ sttFault: null, segmentsCaptured: 0 })).toBe(
      'The bot heard nothing it could transcribe: no lines were captured.',
    );
    expect(explainCapture({ sttFault: null, segmentsCaptured: 1 })).toBe('1 line was transcribed.');
    expect(explainCapture({ sttFault: null, segmentsCaptured: null })).toBeNull();
  });

  it('leaves the count of lines to the row once this computer holds them (said once, not twice)', () => {
    expect(explainCapture({ sttFault: null, segmentsCaptured: 32 }, 32)).toBeNull();
    expect(explainCapture({ sttFault: null, segmentsCaptured: 32 }, 0)).toBe('32 lines were transcribed.');
    const stt = { kinds: [{ kind: 'http', count: 2 }], total: 2 };
    expect(explainCapture({ sttFault: stt, segmentsCaptured: 40 }, 40)).toBe(
      'The transcription service failed 2 times, so parts of the meeting were not transcribed.',
    );
  });
});

describe('chat among the captions', () => {
  it('turns a G1/G2 chat.new_message frame into a keyed line marked chat, on the meeting clock', () => {
    const origin = Date.UTC(2026, 5, 1, 10);
    const frame = {
      type: 'chat.new_message',
      meeting: { id: 4 },
      payload: { sender: 'Priya', text: 'Link here', timestamp: origin + 90_000, is_from_bot: false },
    };
    const out = chatFrameAsTranscript(frame, origin) as { payload: { segments: Array<Record<string, unknown>> } };
    expect(out.payload.segments[0]).toMatchObject({ speaker: 'Priya', text: 'Link here', start: 90, source: 'chat', completed: true });
    expect(chatFrameAsTranscript({ type: 'meeting.status' })).toBeNull();
  });

  it('gives a chat message a turn of its own, apart from its sender’s speech', () => {
    const seg = (key: string, at: number, source?: string): RenderedSegment => ({
      key,
      speaker: 'Priya',
      text: key,
      start: at,
      end: at + 1,
      absoluteStart: at * 1000,
      absoluteEnd: at * 1000 + 1000,
      language: 'en',
      completed: true,
      draft: false,
      ...(source ? { source } : {}),
    });
    const turns = groupTurns([seg('said', 1), seg('typed', 2, 'chat'), seg('said again', 3)]);
    expect(turns.map((t) => t.text)).toEqual(['said', 'typed', 'said again']);
  });
});
