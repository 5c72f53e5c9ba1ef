import type { CoreLink } from '../features/app/store';

/**
 * The window's first render waits for the core's first state, so the first thing React draws is
 * the first screen itself (the start screen, the library, or why the core cannot be reached).
 * Until then the browser version's page shows the Starting markup it was served with
 * (electron/harness/startingScreen.ts), exactly what React would draw there; the desktop window,
 * shown at `ready-to-show` (its first visually non-empty paint, or its load event if that comes
 * first: electron/electron#25471), shows its background colour for the moment the state takes
 * over IPC. Drawing Starting with React first cost a render, a layout and a paint on the way to
 * the first screen, and the socket's first frame, already waiting, was read only after them.
 */

export interface FirstScreenFacts {
  link: CoreLink;
  /** The core's state arrived: the app's facts and its connection are known. */
  ready: boolean;
}

/** Whether the window knows which screen comes first (renderer/app/App.tsx `Content` decides it). */
export function firstScreenKnown({ link, ready }: FirstScreenFacts): boolean {
  if (link === 'no-token' || link === 'lost' || link === 'refused') return true;
  return ready;
}

/**
 * The longest the first render waits. Past it React draws its own Starting screen (the same look,
 * with the live region and the restart notice), so nothing hangs on this wait being right.
 */
export const FIRST_RENDER_MAX_WAIT_MS = 1_000;

export interface FirstRenderPorts {
  facts(): FirstScreenFacts;
  /** Calls back on every change of the facts; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** Runs `fn` after `ms`; returns the cancel. */
  schedule(fn: () => void, ms: number): () => void;
}

/** Calls `render` once: as soon as the first screen is known, or after the longest wait. */
export function renderWhenFirstScreenKnown(render: () => void, ports: FirstRenderPorts): void {
  if (firstScreenKnown(ports.facts())) {
    render();
    return;
  }
  const finish = () => {
    unsubscribe();
    cancel();
    render();
  };
  const unsubscribe = ports.subscribe(() => {
    if (firstScreenKnown(ports.facts())) finish();
  });
  const cancel = ports.schedule(finish, FIRST_RENDER_MAX_WAIT_MS);
}
