import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { PlansView } from '../../../shared/ipc/planning';
import type { Connections } from '../connections/connections';
import { trayUpcomingLabel } from '../meetings/trayText';
import type { Clock, Logger, Notifier } from '../ports';
import { createPlanningHandlers, type PlanningHandlerTable } from './handlers';
import { PlanningService } from './planningService';

export interface PlanningParts {
  service: PlanningService;
  handlers: PlanningHandlerTable;
  /** The tray's "Coming up" lines. */
  trayLines(): string[];
}

/** Builds the planning service over the connected servers (composition only; decisions live in the service). */
export function createPlanning(d: {
  connections: Connections;
  clock: Clock;
  notifier: Notifier;
  doNotDisturb(): boolean;
  emit(view: PlansView): void;
  onChange(): void;
  logger: Logger;
  /** A server's bots are read again (a scheduled bot set out). */
  followBots(serverId: string): void;
}): PlanningParts {
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const service = new PlanningService({
    servers: {
      list: () =>
        d.connections
          .list()
          .filter((c) => c.live && c.record)
          .map((c) => ({ id: c.id, label: c.label, capabilities: c.record!.capabilities })),
      api: (serverId) => {
        const c = d.connections.resolve(serverId);
        if (!c) throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
        return { serverId: c.id, api: c.client().planning() };
      },
    },
    clock: d.clock,
    notifier: d.notifier,
    doNotDisturb: d.doNotDisturb,
    emit: d.emit,
    onChange: d.onChange,
    logger: d.logger,
    formatTime: (ms) => time.format(ms),
    plansLeft: (serverId) => d.followBots(serverId),
  });
  return {
    service,
    handlers: createPlanningHandlers(service),
    trayLines: () => service.upcoming().map((p) => trayUpcomingLabel(p.name, day.format(p.scheduledAt!), p.autoJoin)),
  };
}
