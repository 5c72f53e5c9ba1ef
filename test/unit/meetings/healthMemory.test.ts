import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileHealthMemory, HEALTH_RECALL_MS } from '../../../electron/core/meetings/healthMemory';
import { MeetingTracker } from '../../../electron/core/meetings/tracker';
import type { Meeting } from '../../../shared/vexa/types';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'health-'));
  dirs.push(dir);
  return join(dir, 'meeting-health.json');
};
const meeting = (status: string) =>
  ({ id: 7, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', status, name: null, meetingUrl: null }) as unknown as Meeting;
const report = {
  platform: 'google_meet',
  nativeId: 'abc-defg-hij',
  problem: 'no_audio' as const,
  detail: 'no signal',
  status: null,
  kind: 'no-signal',
};

function app(path: string, now: { t: number }) {
  const memory = fileHealthMemory(path, () => now.t);
  const tracker = new MeetingTracker(
    { now: () => now.t, setTimeout: () => ({ cancel() {} }) },
    { onStatus: () => {}, onChange: () => {} },
    { recall: (id) => memory.recall('s1', id), remember: (id, h) => memory.remember('s1', id, h) },
  );
  return tracker;
}

describe('a health problem across a restart', () => {
  it('shows again at once when the app starts while the bot still runs', () => {
    const path = file();
    const now = { t: 1_000_000 };
    const before = app(path, now);
    before.track(meeting('active'));
    expect(before.applyHealth(report)).toBe(true);
    now.t += 30_000;
    const after = app(path, now);
    after.track(meeting('active'));
    expect(after.get(7)!.health).toMatchObject({ problem: 'no_audio', title: 'The bot hears no audio', at: 1_000_000 });
  });

  it('is forgotten once lines are transcribed again, once the meeting ends, and when too old', () => {
    const path = file();
    const now = { t: 1_000_000 };
    const a = app(path, now);
    a.track(meeting('active'));
    a.applyHealth(report);
    a.clearHealth(7);
    expect(app(path, now).track(meeting('active')).health).toBeNull();

    a.applyHealth(report);
    a.apply({ meetingId: 7, platform: null, nativeId: null, status: 'completed', at: null, completionReason: null, failureStage: null });
    expect(app(path, now).track(meeting('active')).health).toBeNull();

    const b = app(path, now);
    b.track(meeting('active'));
    b.applyHealth(report);
    now.t += HEALTH_RECALL_MS + 1;
    expect(app(path, now).track(meeting('active')).health).toBeNull();
    // A finished meeting never shows one, however fresh.
    now.t -= HEALTH_RECALL_MS;
    expect(app(path, now).track(meeting('completed')).health).toBeNull();
  });

  it('keeps nothing of the key or the link beyond the server id and the meeting id', () => {
    const path = file();
    const now = { t: 1_000_000 };
    const a = app(path, now);
    a.track(meeting('active'));
    a.applyHealth(report);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object)).toEqual(['s1|7']);
  });
});
