import { describe, expect, it } from 'vitest';
import type { RunningBotView, TrackedMeetingView } from '../../../shared/ipc/models';
import { runningRows, runningSignature } from '../../../renderer/features/bots/running';

const SERVER = 'https://a.example';

function bot(meetingId: number, status: RunningBotView['status']): RunningBotView {
  return {
    serverId: SERVER,
    meetingId,
    platform: 'google_meet',
    nativeMeetingId: 'abc-defg-hij',
    status,
    createdAt: null,
    meetingUrl: null,
  };
}

function tracked(id: number, status: TrackedMeetingView['status'], patch: Partial<TrackedMeetingView> = {}): TrackedMeetingView {
  return {
    serverId: SERVER,
    id,
    platform: 'google_meet',
    nativeId: 'abc-defg-hij',
    name: '',
    meetingUrl: null,
    status,
    since: 0,
    history: [],
    completionReason: null,
    failureStage: null,
    outcome: null,
    ...patch,
  };
}

describe('runningRows', () => {
  it('shows a bot that timed out in the lobby after the list was read as ended, without Stop', () => {
    const [row] = runningRows(
      [bot(7, 'awaiting_admission')],
      [tracked(7, 'failed', { completionReason: 'awaiting_admission_timeout', failureStage: 'awaiting_admission' })],
    );
    expect(row?.chip.label).toBe('Failed');
    expect(row?.ended).toBe('Nobody admitted the bot from the waiting room in time.');
    expect(row?.stoppable).toBe(false);
  });

  it('never moves a bot back: a stale followed status does not replace a newer listed one', () => {
    const [row] = runningRows([bot(7, 'active')], [tracked(7, 'joining')]);
    expect(row?.chip.label).toBe('Transcribing');
    expect(row?.stoppable).toBe(true);
  });

  it('keeps the listed status of a bot sent from elsewhere, and no Stop while it is stopping', () => {
    expect(runningRows([bot(9, 'awaiting_admission')], [tracked(7, 'failed')])[0]?.chip.label).toBe('Waiting in the lobby');
    expect(runningRows([bot(9, 'stopping')], [])[0]?.stoppable).toBe(false);
  });

  it('matches a followed meeting on the same server only', () => {
    const other = tracked(7, 'completed', { serverId: 'https://b.example' });
    expect(runningRows([bot(7, 'active')], [other])[0]?.ended).toBeNull();
  });
});

describe('runningSignature', () => {
  it('changes when a bot on the server changes state, not for other servers', () => {
    const before = runningSignature([tracked(1, 'joining'), tracked(2, 'active', { serverId: 'x' })], SERVER);
    expect(runningSignature([tracked(1, 'active'), tracked(2, 'active', { serverId: 'x' })], SERVER)).not.toBe(before);
    expect(runningSignature([tracked(1, 'joining'), tracked(2, 'failed', { serverId: 'x' })], SERVER)).toBe(before);
  });
});
