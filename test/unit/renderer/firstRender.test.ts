import { describe, expect, it, vi } from 'vitest';
import type { AppState, ServerConnectionView } from '../../../shared/ipc/models';
import {
  FIRST_RENDER_MAX_WAIT_MS,
  firstScreenKnown,
  renderWhenFirstScreenKnown,
  type FirstScreenFacts,
} from '../../../renderer/app/firstRender';

// coreSync counts the library through the window's transport: none here.
vi.mock('../../../renderer/platform/api', () => ({
  api: { invoke: async () => ({ ok: false, code: 'internal', message: 'not in this test' }), on: () => () => {} },
  link: { status: () => 'open', onStatus: () => () => {}, reconnectNow() {} },
}));

const { applyAppState } = await import('../../../renderer/app/coreSync');
const { useNavigationStore } = await import('../../../renderer/features/navigation/store');

/** Facts the test moves, a clock it runs by hand, and how often the window rendered. */
function harness(initial: FirstScreenFacts) {
  let facts = initial;
  const listeners = new Set<() => void>();
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  let renders = 0;
  renderWhenFirstScreenKnown(() => renders++, {
    facts: () => facts,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    schedule: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  });
  return {
    renders: () => renders,
    change(next: FirstScreenFacts) {
      facts = next;
      for (const l of [...listeners]) l();
    },
    listening: () => listeners.size,
    timeout() {
      for (const t of timers) if (!t.cancelled) t.fn();
    },
    timers,
  };
}

describe("the window's first render", () => {
  it('waits for the core state while the link connects or is open, not when the link says why it cannot come', () => {
    expect(firstScreenKnown({ link: 'connecting', ready: false })).toBe(false);
    expect(firstScreenKnown({ link: 'open', ready: false })).toBe(false);
    expect(firstScreenKnown({ link: 'open', ready: true })).toBe(true);
    for (const link of ['no-token', 'lost', 'refused'] as const) expect(firstScreenKnown({ link, ready: false })).toBe(true);
  });

  it('happens once, when the state arrives, and stops listening', () => {
    const h = harness({ link: 'connecting', ready: false });
    expect(h.renders()).toBe(0);
    h.change({ link: 'open', ready: false });
    expect(h.renders()).toBe(0);
    h.change({ link: 'open', ready: true });
    expect(h.renders()).toBe(1);
    expect(h.listening()).toBe(0);
    h.change({ link: 'lost', ready: true });
    h.timeout();
    expect(h.renders()).toBe(1);
  });

  it('happens at once when the link is already refused, without waiting', () => {
    const h = harness({ link: 'no-token', ready: false });
    expect(h.renders()).toBe(1);
    expect(h.timers).toHaveLength(0);
  });

  it('happens anyway once the longest wait is over, with the state still missing', () => {
    const h = harness({ link: 'open', ready: false });
    expect(h.timers.map((t) => t.ms)).toEqual([FIRST_RENDER_MAX_WAIT_MS]);
    h.timeout();
    expect(h.renders()).toBe(1);
    h.change({ link: 'open', ready: true });
    expect(h.renders()).toBe(1);
  });
});

function server(status: ServerConnectionView['status']): ServerConnectionView {
  return {
    id: 'https://vexa.example',
    url: 'https://vexa.example',
    label: 'Work',
    hostLabel: 'vexa.example',
    colour: null,
    position: 0,
    generation: 'g3',
    capabilities: null,
    demo: false,
    insecure: false,
    status,
    key: { label: 'vxa_tx_…9f2c', storage: 'keychain' },
    error: null,
    slots: null,
    checkedAt: 1,
    userEmail: null,
    warnings: [],
  };
}

function state(servers: ServerConnectionView[]): AppState {
  return {
    version: '0.1.0',
    os: 'linux',
    transport: 'web',
    paths: { data: '/d', logs: '/l', keys: null },
    connection: { status: 'none', server: null, key: null, error: null, keyNeeded: null },
    servers,
    currentServerId: servers[0]?.id ?? null,
    settings: {},
    secureStorage: { available: true, backend: 'test', reason: null },
    cacheNotice: null,
    storage: { mode: 'disk' },
  } as unknown as AppState;
}

describe("the window's first screen", () => {
  it('is the library when the first state has no server connected, and later states leave the screen alone', () => {
    useNavigationStore.getState().go('launch');
    applyAppState(state([server('disconnected')]));
    expect(useNavigationStore.getState().screen).toBe('library');
    useNavigationStore.getState().go('settings');
    applyAppState(state([server('disconnected')]));
    expect(useNavigationStore.getState().screen).toBe('settings');
  });
});

describe('a window that opens on the onboarding', () => {
  it('keeps the start screen for after it (a new page, its first state without servers)', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/app/coreSync');
    const navigation = (await import('../../../renderer/features/navigation/store')).useNavigationStore;
    fresh.applyAppState(state([]));
    expect(navigation.getState().screen).toBe('launch');
  });
});
