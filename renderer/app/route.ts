export interface OverlayRoute {
  meetingId: number;
  /** The meeting's server (two servers may both have meeting 7); null in a route without one. */
  serverId: string | null;
}

/**
 * The window's route, from the address. The main window has none; the desktop app's caption
 * overlay window opens `#/overlay/<meetingId>/<server id, URI-encoded>` and shows only the
 * overlay. The route is followed, not read once: moving the overlay to another meeting changes
 * only the fragment, a same-document navigation that fires `hashchange` without reloading the page.
 */
export function overlayRoute(hash: string): OverlayRoute | null {
  const match = /^#\/overlay\/(\d{1,15})(?:\/([^/?&#]+))?(?:$|[/?&])/.exec(hash);
  if (!match) return null;
  const meetingId = Number(match[1]);
  if (!Number.isSafeInteger(meetingId)) return null;
  let serverId: string | null = null;
  try {
    serverId = match[2] ? decodeURIComponent(match[2]) : null;
  } catch {
    // A broken escape names no server; the meeting id alone still finds the meeting.
    serverId = null;
  }
  return { meetingId, serverId };
}

/** The part of `window` that announces address changes (a fake in tests). */
export interface RouteSource {
  addEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
  removeEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
}

/**
 * Calls `listener` whenever the fragment may have changed: `hashchange` for fragment navigations
 * (Electron's loadURL with a new fragment, `location.hash = …`), `popstate` for history moves.
 * Shaped for React's useSyncExternalStore; returns the unsubscribe function.
 */
export function subscribeToRoute(source: RouteSource, listener: () => void): () => void {
  source.addEventListener('hashchange', listener);
  source.addEventListener('popstate', listener);
  return () => {
    source.removeEventListener('hashchange', listener);
    source.removeEventListener('popstate', listener);
  };
}

/** Flags the desktop shell puts in the page's query (electron/main/shell/windowRecovery.ts, overlayWindow.ts). */
export interface PageFlags {
  /** The page was reloaded after its renderer crashed: say so once. */
  restarted: boolean;
  /** The overlay cannot keep itself on top (Wayland): tell the person how to pin it. */
  pinByHand: boolean;
}

export function pageFlags(search: string): PageFlags {
  const params = new URLSearchParams(search);
  return { restarted: params.get('restarted') === '1', pinByHand: params.get('pin') === 'manual' };
}

/** The query without the one-time restart flag, so a later reload does not repeat the notice. */
export function searchWithoutRestartFlag(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('restarted');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
