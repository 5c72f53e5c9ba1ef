import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { LibraryFollower } from '../../../electron/core/meetings/libraryFollower';
import { MeetingTracker } from '../../../electron/core/meetings/tracker';
import type { StatusUpdate } from '../../../shared/meetings/statusFrame';
import type { Meeting } from '../../../shared/vexa/types';
import { quietLogger } from '../../support/logger';

// The follower is fed by the tracker, whatever told the tracker (a status frame, or a REST poll
// while the live socket is down): each change reaches the library row once, and an end asks for
// one sync. A bot whose status only ever came from polls ends in the library all the same.

const SERVER = 'https://vexa.example';

function setup() {
  const cache = openCache({ file: ':memory:' });
  cache.db
    .prepare("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES (?, ?, 'S', 'g1', '{}', 1)")
    .run(SERVER, SERVER);
  let now = 10_000;
  const library = new Library({ db: cache.db, file: ':memory:', now: () => now });
  const changed: number[][] = [];
  let ends = 0;
  const follower = new LibraryFollower({
    library,
    serverId: SERVER,
    logger: quietLogger,
    onChanged: (ids) => changed.push(ids),
    onEnded: () => ends++,
  });
  const tracker = new MeetingTracker(
    { now: () => now, setTimeout: () => ({ cancel() {} }) },
    { onStatus: () => {}, onChange: () => follower.follow(tracker.list()) },
  );
  tracker.track({
    id: 12,
    platform: 'google_meet',
    nativeMeetingId: 'abc-defg-hij',
    status: 'requested',
    name: null,
    meetingUrl: 'https://meet.google.com/abc-defg-hij',
    completionReason: null,
    failureStage: null,
  } as unknown as Meeting);
  // What BotService applies from a poll: the meeting's row as GET /meetings answers it.
  const poll = (status: StatusUpdate['status'], at: number, completionReason: string | null = null, failureStage: string | null = null) => {
    now = at;
    tracker.apply({ meetingId: 12, platform: null, nativeId: null, status, at: null, completionReason, failureStage });
  };
  return { library, follower, tracker, poll, changed, ends: () => ends, close: () => cache.close() };
}

describe('the library follows a bot known only from polls', () => {
  it('creates the row, moves it with each status, and ends it with the reason, once', async () => {
    const t = setup();
    const id = (await t.library.localId(SERVER, 12))!;
    expect(id).not.toBeNull();
    expect(await t.library.meeting(id)).toMatchObject({ status: 'requested', statusSeenAt: 10_000 });

    t.poll('awaiting_admission', 20_000);
    expect(await t.library.meeting(id)).toMatchObject({ status: 'awaiting_admission', statusSeenAt: 20_000 });
    t.poll('failed', 30_000, 'awaiting_admission_timeout', 'awaiting_admission');
    expect(await t.library.meeting(id)).toMatchObject({
      status: 'failed',
      completionReason: 'awaiting_admission_timeout',
      failureStage: 'awaiting_admission',
      statusSeenAt: 30_000,
    });
    expect(t.ends()).toBe(1);
    expect(t.changed).toEqual([[id], [id], [id]]);

    // The same answer polled again writes nothing and asks for no second sync.
    t.follower.follow(t.tracker.list());
    expect(t.changed).toHaveLength(3);
    expect(t.ends()).toBe(1);
    expect((await t.library.timeline(id)).entries.map((e) => e.to)).toEqual(['requested', 'awaiting_admission', 'failed']);
    t.close();
  });

  it('a meeting deleted here is not brought back by its bot', async () => {
    const t = setup();
    const id = (await t.library.localId(SERVER, 12))!;
    await t.library.deleteLocal(id);
    t.poll('active', 20_000);
    expect(await t.library.meeting(id)).toBeNull();
    expect(await t.library.list()).toEqual([]);
    t.close();
  });
});
