import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkRequest } from '../../../shared/ipc/links';
import { ok } from '../../../shared/ipc/result';
import { waitFor } from '../../support/waitFor';

// The window's own transport is replaced: opening a meeting asks the core for it (`library:open`).
const invoked: Array<{ channel: string; input: unknown }> = [];
vi.mock('../../../renderer/platform/api', () => ({
  api: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return { ok: false, code: 'internal', message: 'not in this test' };
    },
    on: () => () => {},
  },
  link: { status: () => 'open', onStatus: () => () => {}, reconnectNow() {} },
}));

const { applyLinkRequest, followLinks } = await import('../../../renderer/features/links/actions');
const { useLaunchStore } = await import('../../../renderer/features/launch/store');
const { useLinksStore } = await import('../../../renderer/features/links/store');
const { useMeetingStore } = await import('../../../renderer/features/meeting/store');
const { useNavigationStore } = await import('../../../renderer/features/navigation/store');

beforeEach(() => {
  invoked.length = 0;
  useNavigationStore.getState().go('settings');
  useLaunchStore.getState().setLink('');
  useLinksStore.getState().dismiss();
});

/** A core that hands out `waiting` on `links:take`, and a link whose status the test moves. */
function fakes(waiting: LinkRequest[][]) {
  const listeners = new Map<string, () => void>();
  const statusListeners = new Set<(s: 'open' | 'lost' | 'connecting') => void>();
  let takes = 0;
  const api = {
    invoke: (async (channel: string) => {
      expect(channel).toBe('links:take');
      takes++;
      return ok(waiting.shift() ?? []);
    }) as never,
    on: ((event: string, listener: () => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }) as never,
  };
  let status: 'open' | 'connecting' | 'lost' = 'connecting';
  const link = {
    status: () => status,
    onStatus: (l: (s: 'open' | 'lost' | 'connecting') => void) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
  };
  return {
    api,
    link,
    takes: () => takes,
    push: (event: string) => listeners.get(event)?.(),
    setStatus(next: 'open' | 'lost' | 'connecting') {
      status = next;
      for (const l of statusListeners) l(next);
    },
    listening: () => listeners.size + statusListeners.size,
  };
}

const shown = (message: string) => () => useLinksStore.getState().notice?.message === message;

describe('the main window and vexa:// links', () => {
  it('a join link fills Launch in and asks for the field’s focus; it sends nothing', () => {
    applyLinkRequest({ kind: 'join', link: 'https://meet.google.com/abc-defg-hij' });
    expect(useNavigationStore.getState().screen).toBe('launch');
    expect(useLaunchStore.getState().link).toBe('https://meet.google.com/abc-defg-hij');
    expect(useLaunchStore.getState().linkFocusRequested).toBe(true);
    expect(invoked).toEqual([]);
  });

  it('a meeting link opens that meeting of that server in the library', () => {
    applyLinkRequest({ kind: 'meeting', serverId: 'https://lab.example', meetingId: 12, remoteId: 7 });
    expect(useNavigationStore.getState().screen).toBe('library');
    expect(useMeetingStore.getState().open).toMatchObject({ id: 12, serverId: 'https://lab.example' });
    expect(invoked.map((i) => i.channel)).toEqual(['library:open']);
  });

  it('a refusal is shown until dismissed, and the screen stays', () => {
    applyLinkRequest({ kind: 'refused', message: 'That link is damaged.' });
    expect(useLinksStore.getState().notice?.message).toBe('That link is damaged.');
    expect(useNavigationStore.getState().screen).toBe('settings');
  });

  it('takes links once connected, whenever one waits, and again after the connection comes back', async () => {
    const f = fakes([
      [{ kind: 'refused', message: 'First.' }],
      [{ kind: 'refused', message: 'Second.' }],
      [{ kind: 'refused', message: 'Third.' }],
    ]);
    const stop = followLinks(f.api, f.link);
    expect(f.takes()).toBe(0);
    f.setStatus('open');
    await waitFor('the link waiting at start', shown('First.'));
    f.push('links:waiting');
    await waitFor('the link announced by links:waiting', shown('Second.'));
    // The event of a link that came while the connection was down is lost; the take after it is not.
    f.setStatus('lost');
    f.setStatus('open');
    await waitFor('the link taken after the reconnect', shown('Third.'));
    expect(f.takes()).toBe(3);
    stop();
    expect(f.listening()).toBe(0);
  });
});
