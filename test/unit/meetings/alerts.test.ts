import { describe, expect, it } from 'vitest';
import bidiFactory from 'bidi-js';
import { AlertPolicy, type AlertSubject } from '../../../shared/meetings/alertPolicy';
import { explainCompletionReason, explainOutcome } from '../../../shared/meetings/outcome';
import type { MeetingStatus } from '../../../shared/vexa/types';

const subject = (status: MeetingStatus, completionReason: string | null = null, failureStage: string | null = null): AlertSubject => ({
  meetingId: 7,
  name: 'Weekly sync',
  status,
  completionReason,
  failureStage,
});

function run(statuses: Array<MeetingStatus | [MeetingStatus, string | null, string | null]>, policy = new AlertPolicy()) {
  return statuses
    .map((s) => (Array.isArray(s) ? policy.onStatus(subject(...s)) : policy.onStatus(subject(s))))
    .filter((a) => a !== null)
    .map((a) => a.kind);
}

describe('alert rules', () => {
  it('alerts once when the bot enters the lobby and once when it is admitted', () => {
    expect(run(['requested', 'joining', 'awaiting_admission', 'active', 'completed'])).toEqual(['lobby', 'admitted', 'completed']);
  });

  it('does not repeat the lobby alert for duplicate frames, polls or reconnects reporting the same lobby', () => {
    expect(run(['joining', 'awaiting_admission', 'awaiting_admission', 'awaiting_admission'])).toEqual(['lobby']);
  });

  it('alerts again when the bot enters the lobby a second time', () => {
    expect(run(['awaiting_admission', 'needs_help', 'awaiting_admission'])).toEqual(['lobby', 'needs_help', 'lobby']);
  });

  it('a lobby first seen through polling after a dropped socket still alerts once', () => {
    const policy = new AlertPolicy();
    expect(run(['joining'], policy)).toEqual([]);
    expect(run(['awaiting_admission', 'awaiting_admission'], policy)).toEqual(['lobby']);
  });

  it('no admitted alert for a meeting that never waited in the lobby', () => {
    expect(run(['joining', 'active', 'completed'])).toEqual(['completed']);
  });

  it.each([
    ['awaiting_admission_rejected', 'denied'],
    ['awaiting_admission_timeout', 'lobby_timeout'],
    ['join_failure', 'failed'],
  ])('a failure with %s raises one %s alert', (reason, kind) => {
    expect(run(['awaiting_admission', ['failed', reason, 'awaiting_admission'], ['failed', reason, 'awaiting_admission']])).toEqual([
      'lobby',
      kind,
    ]);
  });

  it('says what to do in the lobby alert', () => {
    const a = new AlertPolicy().onStatus(subject('awaiting_admission'));
    expect(a).toMatchObject({ title: 'The bot is waiting in the lobby', body: 'Weekly sync: Admit the bot in the waiting room.' });
  });
});

describe('outcome explanations', () => {
  // Every completion_reason of the three generations and api.v1.
  const reasons = [
    'stopped',
    'stopped_before_admission',
    'stopped_with_no_audio',
    'left_alone',
    'startup_alone',
    'evicted',
    'awaiting_admission_timeout',
    'awaiting_admission_rejected',
    'never_admitted',
    'join_failure',
    'validation_error',
    'max_bot_time_exceeded',
    'auth_session_missing',
  ];
  it.each(reasons)('explains %s in plain words', (reason) => {
    const text = explainCompletionReason(reason);
    expect(text).toMatch(/^[A-Z].+\.$/);
    expect(text).not.toContain('_');
  });

  it('words failures by the stage they happened in', () => {
    expect(explainOutcome('failed', 'join_failure', 'active')).toBe('The bot stopped working during the meeting.');
    expect(explainOutcome('failed', null, 'joining')).toBe('The bot failed while joining.');
    expect(explainOutcome('failed', null, null)).toBe('The bot failed.');
    expect(explainOutcome('failed', 'awaiting_admission_rejected', 'awaiting_admission')).toBe(
      'The host denied the bot entry to the meeting.',
    );
    expect(explainOutcome('completed', 'left_alone', null)).toBe('Everyone else left, so the bot left too.');
    expect(explainOutcome('completed', 'something_new', null)).toBe('The meeting ended and the transcript is ready.');
  });
});

describe('alert text shown by the OS', () => {
  // bidi-js implements UAX #9: the words after the meeting's name keep left-to-right order.
  const bidi = bidiFactory();
  const appWordsStayInOrder = (text: string, name: string): boolean => {
    const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
    const after = text.lastIndexOf(':');
    return after > 0 && text.includes(name.replace('\u2069', '')) && Array.from(levels.subarray(after)).every((l) => l === 0);
  };

  it.each(['Budget \u202Ereview', 'Budget \u2069\u202Ereview', 'ישיבת צוות'])(
    'keeps a name such as %j from reordering the sentence around it',
    (name) => {
      const policy = new AlertPolicy();
      const alerts = (['awaiting_admission', 'active', 'completed'] as const).map((status) =>
        policy.onStatus({ ...subject(status), name }),
      );
      expect(alerts.map((a) => a?.kind)).toEqual(['lobby', 'admitted', 'completed']);
      for (const a of alerts) expect(appWordsStayInOrder(a!.body, name), a!.body).toBe(true);
    },
  );

  it('leaves a plain name as it is', () => {
    expect(new AlertPolicy().onStatus(subject('awaiting_admission'))?.body).toBe('Weekly sync: Admit the bot in the waiting room.');
  });
});
