import type { BotSlotsView, ConnectionView, ServerConnectionView } from '../../../shared/ipc/models';
import { toServerView } from '../servers';
import { hostLabel, type ServerConnection } from './serverConnection';

/** A server in the window's list: never its key, only a masked label of it. */
export function serverView(c: ServerConnection, slots: BotSlotsView | null, position: number): ServerConnectionView {
  const r = c.record;
  const holdsKey = c.live && r?.keyLabel && r.keyStorage;
  return {
    id: c.id,
    url: c.url,
    label: c.label,
    hostLabel: r?.label ?? hostLabel(c.url, c.demo),
    colour: r?.colour ?? null,
    position,
    generation: r?.generation ?? null,
    capabilities: r?.capabilities ?? null,
    demo: c.demo,
    insecure: r?.insecure ?? false,
    status: c.status,
    key: holdsKey ? { label: r.keyLabel!, storage: r.keyStorage! } : null,
    error: c.error,
    slots: c.live ? slots : null,
    checkedAt: r?.checkedAt ?? null,
    userEmail: r?.userEmail ?? null,
    warnings: r?.warnings ?? [],
  };
}

const NONE: ConnectionView = { status: 'none', server: null, key: null, error: null, keyNeeded: null };

/**
 * The current server as the screens of one server at a time see it: connected (a failed check
 * is an error beside a working connection, as before), connecting, or waiting for its key (which
 * then goes to this server only).
 */
export function connectionViewOf(c: ServerConnection | null): ConnectionView {
  if (!c) return NONE;
  const r = c.record;
  switch (c.status) {
    case 'connected':
    case 'error':
      // A server restored without its record whose first check failed: nothing to show but why.
      if (!c.live || !r || !r.keyLabel || !r.keyStorage) return { ...NONE, error: c.error };
      return {
        status: 'connected',
        server: toServerView(r),
        key: { label: r.keyLabel, storage: r.keyStorage },
        error: c.error,
        keyNeeded: null,
      };
    case 'connecting':
      return { status: 'connecting', server: r ? toServerView(r) : null, key: null, error: null, keyNeeded: null };
    case 'key_needed':
    case 'disconnected':
      return { status: 'none', server: null, key: null, error: c.error, keyNeeded: { id: c.id, url: c.url, label: c.label } };
    case 'removed':
      return NONE;
  }
}
