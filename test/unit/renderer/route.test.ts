import { describe, expect, it } from 'vitest';
import { overlayRoute, pageFlags, searchWithoutRestartFlag, subscribeToRoute } from '../../../renderer/app/route';
import { overlayWindowSize } from '../../../renderer/features/live/overlayText';
import { OVERLAY_SIZE, overlayUrl } from '../../../electron/main/shell/overlayWindow';
import { RESTARTED_PARAM, reloadUrl } from '../../../electron/main/shell/windowRecovery';
import { channels } from '../../../shared/ipc/contract';
import { OVERLAY_FONT_SIZES } from '../../../renderer/features/live/store';

/** A page address that changes the way a browser's does: fragment moves fire `hashchange`. */
class FakeLocation extends EventTarget {
  hash = '';
  navigate(hash: string) {
    if (hash === this.hash) return;
    this.hash = hash;
    this.dispatchEvent(new Event('hashchange'));
  }
}

describe('the window route', () => {
  it('follows the overlay to another meeting when only the fragment changes', () => {
    const location = new FakeLocation();
    location.hash = new URL(overlayUrl(7)).hash;
    const seen: Array<number | null> = [];
    const stop = subscribeToRoute(location, () => seen.push(overlayRoute(location.hash)?.meetingId ?? null));
    expect(overlayRoute(location.hash)).toEqual({ meetingId: 7, serverId: null });
    location.navigate(new URL(overlayUrl(8)).hash);
    location.navigate(new URL(overlayUrl(9)).hash);
    expect(seen).toEqual([8, 9]);
    stop();
    location.navigate(new URL(overlayUrl(10)).hash);
    expect(seen).toEqual([8, 9]);
  });

  it('names the meeting’s server, so the overlay shows meeting 7 of the right server when two both have one', () => {
    const a = overlayRoute(new URL(overlayUrl(7, 'app://companion', 'native', 'https://a.example:8443')).hash);
    const b = overlayRoute(new URL(overlayUrl(7, 'app://companion', 'manual', 'https://b.example')).hash);
    expect(a).toEqual({ meetingId: 7, serverId: 'https://a.example:8443' });
    expect(b).toEqual({ meetingId: 7, serverId: 'https://b.example' });
    expect(overlayRoute(new URL(overlayUrl(7, 'app://companion', 'native', 'demo')).hash)).toEqual({ meetingId: 7, serverId: 'demo' });
    // A broken escape names no server; the meeting id alone is kept.
    expect(overlayRoute('#/overlay/7/%E0%A4%A')).toEqual({ meetingId: 7, serverId: null });
    expect(overlayRoute('#/elsewhere/7')).toBeNull();
  });

  it('also follows history moves', () => {
    const location = new FakeLocation();
    let calls = 0;
    subscribeToRoute(location, () => calls++);
    location.dispatchEvent(new Event('popstate'));
    expect(calls).toBe(1);
  });
});

describe('flags the desktop shell puts in the address', () => {
  it('reads the restart notice and the Wayland pin hint from the query the shell writes', () => {
    const restartedOverlay = new URL(reloadUrl(overlayUrl(7, 'app://companion', 'manual'), 'app://companion/index.html'));
    expect(pageFlags(restartedOverlay.search)).toEqual({ restarted: true, pinByHand: true });
    expect(overlayRoute(restartedOverlay.hash)?.meetingId).toBe(7);
    expect(pageFlags(new URL(overlayUrl(7)).search)).toEqual({ restarted: false, pinByHand: false });
    expect(pageFlags('')).toEqual({ restarted: false, pinByHand: false });
    expect(RESTARTED_PARAM).toBe('restarted');
  });

  it('drops only the one-time restart flag', () => {
    expect(searchWithoutRestartFlag('?restarted=1')).toBe('');
    expect(searchWithoutRestartFlag('?pin=manual&restarted=1')).toBe('?pin=manual');
    expect(searchWithoutRestartFlag('')).toBe('');
  });
});

describe('overlay window size', () => {
  it('matches the window’s opening size at the default text size and grows with the text', () => {
    expect(overlayWindowSize(20)).toEqual({ width: OVERLAY_SIZE.width, height: OVERLAY_SIZE.height });
    const small = overlayWindowSize(OVERLAY_FONT_SIZES.min);
    const large = overlayWindowSize(OVERLAY_FONT_SIZES.max);
    expect(small.width).toBeLessThan(large.width);
    expect(small.height).toBeLessThan(large.height);
    for (const size of [small, large]) expect(channels['overlay:resize'].input.safeParse(size).success).toBe(true);
  });
});
