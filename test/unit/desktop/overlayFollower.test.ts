import { describe, expect, it } from 'vitest';
import { followOverlay } from '../../../electron/core/desktop/overlayFollower';
import type { OverlayWindows } from '../../../electron/core/ports';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { MeetingStatus } from '../../../shared/vexa/types';

const bot = (serverId: string, id: number, status: MeetingStatus) => ({ serverId, id, status }) as TrackedMeetingView;

function fakeOverlays() {
  const log: string[] = [];
  const overlays: OverlayWindows = {
    open: async (meetingId, serverId) => {
      log.push(`open ${serverId}/${meetingId}`);
      return 'window';
    },
    close: async () => void log.push('close'),
    resize: async () => undefined,
  };
  return { log, overlays };
}

describe('the caption overlay follows its meeting', () => {
  it('closes when the meeting it shows ends, whoever opened it, and only then', async () => {
    const { log, overlays } = fakeOverlays();
    const follow = followOverlay(overlays);
    await follow.overlays.open(7, 'a');
    follow.observe('bots:changed', [bot('a', 7, 'active'), bot('b', 7, 'completed'), bot('a', 8, 'failed')]);
    expect(log).toEqual(['open a/7']);
    follow.observe('bots:changed', [bot('a', 7, 'completed')]);
    expect(log).toEqual(['open a/7', 'close']);
    // Already closed: a later report of the same ended meeting closes nothing more.
    follow.observe('bots:changed', [bot('a', 7, 'completed')]);
    expect(log).toEqual(['open a/7', 'close']);
  });

  it('follows the meeting it was moved to, and a failed meeting ends it too', async () => {
    const { log, overlays } = fakeOverlays();
    const follow = followOverlay(overlays);
    await follow.overlays.open(1, 'a');
    await follow.overlays.open(2, 'a');
    follow.observe('bots:changed', [bot('a', 1, 'completed'), bot('a', 2, 'active')]);
    expect(log).toEqual(['open a/1', 'open a/2']);
    follow.observe('bots:changed', [bot('a', 2, 'failed')]);
    expect(log.at(-1)).toBe('close');
  });

  it('leaves alone an overlay the person already closed', async () => {
    const { log, overlays } = fakeOverlays();
    const follow = followOverlay(overlays);
    await follow.overlays.open(3, 'a');
    await follow.overlays.close();
    follow.observe('bots:changed', [bot('a', 3, 'completed')]);
    expect(log).toEqual(['open a/3', 'close']);
  });
});
