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
  const waiting = (): ConnectionView => ({ ...NONE, error: c.error, keyNeeded: { id: c.id, url: c.url, label: c.label } });
  switch (c.status) {
    case 'connected':
    case 'error':
    // A refused key still held: the one-server screens show the server with the refusal beside it.
    case 'key_needed':
      if (c.live && r?.keyLabel && r.keyStorage)
        return {
          status: 'connected',
          server: toServerView(r),
          key: { label: r.keyLabel, storage: r.keyStorage },
          error: c.error,
          keyNeeded: null,
        };
      // No key held: the key is asked for this server. A server restored without its record
      // whose first check failed has nothing to show but why.
      return c.status === 'key_needed' ? waiting() : { ...NONE, error: c.error };
    case 'connecting':
      return { status: 'connecting', server: r ? toServerView(r) : null, key: null, error: null, keyNeeded: null };
    case 'disconnected':
      return waiting();
    case 'removed':
      return NONE;
  }
}
