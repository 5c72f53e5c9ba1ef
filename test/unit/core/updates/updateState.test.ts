import { describe, expect, it } from 'vitest';
import type { UpdateOffer } from '../../../../shared/ipc/updates';
import {
  canCheck,
  initialUpdateMachine,
  nextUpdateState,
  type UpdateEvent,
  type UpdateMachine,
} from '../../../../electron/core/updates/updateState';

const offer: UpdateOffer = { version: '0.2.0', notes: 'Faster alerts' };
const run = (events: UpdateEvent[], from: UpdateMachine = initialUpdateMachine): UpdateMachine => events.reduce(nextUpdateState, from);
const progress = (percent: number) => ({ type: 'progress' as const, progress: { percent, transferred: percent * 10, total: 1000 } });

describe('the update state machine', () => {
  it('goes idle → checking → available → downloading(progress) → ready for a newer version', () => {
    const seen = [initialUpdateMachine];
    for (const e of [
      { type: 'check-started' },
      { type: 'found', at: 5, offer },
      { type: 'download-started' },
      progress(40),
      progress(100),
      { type: 'downloaded' },
    ] as UpdateEvent[])
      seen.push(nextUpdateState(seen.at(-1)!, e));
    expect(seen.map((m) => m.state.phase)).toEqual(['idle', 'checking', 'available', 'downloading', 'downloading', 'downloading', 'ready']);
    expect(seen[4]!.state).toEqual({ phase: 'downloading', offer, progress: { percent: 40, transferred: 400, total: 1000 } });
    expect(seen.at(-1)).toEqual({ state: { phase: 'ready', offer }, lastCheck: { at: 5, result: 'update-found' } });
  });

  it('goes back to idle with the time of the check when the app is up to date', () => {
    expect(run([{ type: 'check-started' }, { type: 'up-to-date', at: 9 }])).toEqual({
      state: { phase: 'idle' },
      lastCheck: { at: 9, result: 'up-to-date' },
    });
  });

  it('keeps the offer in the error when the download fails, and records a failed check only for a check', () => {
    const failedDownload = run([
      { type: 'check-started' },
      { type: 'found', at: 1, offer },
      progress(10),
      { type: 'failed', at: 2, message: 'No space' },
    ]);
    expect(failedDownload).toEqual({ state: { phase: 'error', message: 'No space', offer }, lastCheck: { at: 1, result: 'update-found' } });
    const failedCheck = run([{ type: 'check-started' }, { type: 'failed', at: 3, message: 'Offline' }]);
    expect(failedCheck).toEqual({ state: { phase: 'error', message: 'Offline', offer: null }, lastCheck: { at: 3, result: 'failed' } });
  });

  it('checks again after an error, but never during a check, a download or while an update waits', () => {
    expect(canCheck({ phase: 'idle' })).toBe(true);
    expect(canCheck({ phase: 'error', message: 'x', offer: null })).toBe(true);
    for (const busy of [
      { phase: 'checking' },
      { phase: 'available', offer },
      { phase: 'downloading', offer, progress: null },
      { phase: 'ready', offer },
      { phase: 'disabled', reason: 'turned-off', message: 'Off' },
    ] as const)
      expect(canCheck(busy), busy.phase).toBe(false);
    const ready = run([{ type: 'check-started' }, { type: 'found', at: 1, offer }, { type: 'downloaded' }]);
    expect(nextUpdateState(ready, { type: 'check-started' })).toBe(ready);
  });

  it('ignores late reports that do not fit: progress after ready, a failure after ready, a result with no check running', () => {
    const ready = run([{ type: 'check-started' }, { type: 'found', at: 1, offer }, { type: 'downloaded' }]);
    for (const late of [progress(50), { type: 'failed', at: 2, message: 'late' }, { type: 'up-to-date', at: 2 }] as UpdateEvent[])
      expect(nextUpdateState(ready, late)).toBe(ready);
    expect(nextUpdateState(initialUpdateMachine, { type: 'found', at: 1, offer })).toBe(initialUpdateMachine);
  });

  it('clamps progress to 0–100', () => {
    const m = run([{ type: 'check-started' }, { type: 'found', at: 1, offer }, progress(140)]);
    expect(m.state).toMatchObject({ progress: { percent: 100 } });
    expect(run([progress(Number.NaN)], m).state).toMatchObject({ progress: { percent: 0 } });
  });

  it('turned off, stays off through every report until turned on again, then starts idle', () => {
    const off = run([{ type: 'check-started' }, { type: 'off', reason: 'turned-off', message: 'Updates are off.' }]);
    expect(off.state).toEqual({ phase: 'disabled', reason: 'turned-off', message: 'Updates are off.' });
    expect(run([{ type: 'found', at: 1, offer }, { type: 'downloaded' }, { type: 'check-started' }], off)).toBe(off);
    expect(nextUpdateState(off, { type: 'on' }).state).toEqual({ phase: 'idle' });
  });
});
