/**
 * What the app calls a server, everywhere it names one: the server list, the one-server screens,
 * notifications and the tray (through `ServerConnection.label`), and every library row, search
 * result and meeting page (through the cache's `serverNames.ts`). One function, so a server renamed
 * by the person reads the same in all of them.
 */

/** The built-in simulator's server id (its meetings are kept apart and leave with it). */
export const DEMO_SERVER_ID = 'demo';
const DEMO_LABEL = 'Demo simulator';
const CLOUD_HOST = 'api.cloud.vexa.ai';

/** What is known of a server where it is named: a cache record, or only its id (a server’s id is its address). */
export interface ServerNameFacts {
  id: string;
  url?: string | null;
  /** The app's own name for it, stored when it was checked ("Vexa Cloud", the host). */
  label?: string | null;
  /** The person's own label, which wins. */
  userLabel?: string | null;
  demo?: boolean;
  /** Removed with its meetings kept on this computer. */
  removed?: boolean;
}

function hostOf(address: string): string | null {
  try {
    const host = new URL(address).host;
    if (!host) return null;
    return host === CLOUD_HOST ? 'Vexa Cloud' : host;
  } catch {
    return null;
  }
}

/** What the app calls a server by itself: the demo, "Vexa Cloud", else the host of its address. */
export function hostLabel(url: string, demo = false): string {
  if (demo) return DEMO_LABEL;
  return hostOf(url) ?? url;
}

/**
 * The person's label, else the app's own, else the host of its address (server ids are their
 * normalised addresses), never empty: a row can always say where it comes from, even for a server
 * the cache holds no record of.
 */
export function serverLabel(s: ServerNameFacts): string {
  const own = s.userLabel?.trim() || s.label?.trim();
  if (own) return own;
  if (s.demo || s.id === DEMO_SERVER_ID) return DEMO_LABEL;
  for (const address of [s.url, s.id]) {
    const host = address ? hostOf(address) : null;
    if (host) return host;
  }
  return s.id.trim() || 'Unknown server';
}

/**
 * How the library names a meeting's server: its label, and for a server removed with its meetings
 * kept, that it was removed ("Lab (removed)"), so nobody looks for it in the list of servers or
 * expects those meetings to sync again.
 */
export function libraryServerLabel(s: ServerNameFacts): string {
  const label = serverLabel(s);
  return s.removed ? `${label} (removed)` : label;
}
