import type { BotSlotsView, ConnectionView, ServerConnectionView } from '../../../shared/ipc/models';
import { noConnection } from '../connectionViews';
import { toServerView } from '../servers';
import { hostLabel } from '../../../shared/serverLabel';
import type { ServerConnection } from './serverConnection';

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

/**
 * The current server as the screens of one server at a time see it: connected (a failed check
 * is an error beside a working connection), connecting, or waiting for its key (missing, or
 * refused: `connectionViews.ts` says which), which then goes to this server only.
 */
export function connectionViewOf(c: ServerConnection | null): ConnectionView {
  if (!c) return noConnection();
  const r = c.record;
  switch (c.status) {
    case 'connected':
    case 'error':
      if (c.live && r?.keyLabel && r.keyStorage)
        return {
          status: 'connected',
          server: toServerView(r),
          key: { label: r.keyLabel, storage: r.keyStorage },
          error: c.error,
          keyNeeded: null,
        };
      // A server restored without its record whose first check failed has nothing to show but why.
      return noConnection(c.error);
    case 'connecting':
      return { ...noConnection(), status: 'connecting', server: r ? toServerView(r) : null };
    case 'key_needed':
    case 'disconnected':
      return { ...noConnection(c.error), keyNeeded: { id: c.id, url: c.url, label: c.label } };
    case 'removed':
      return noConnection();
  }
}
