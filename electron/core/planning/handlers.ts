import type { Handler } from '../../../shared/ipc/dispatch';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { planningChannels } from '../../../shared/ipc/planning';
import type { PlanningService } from './planningService';

type PlanningChannel = keyof typeof planningChannels & ChannelName;
export type PlanningHandlerTable = { [C in PlanningChannel]: Handler<C> };

/** The "Coming up" and Calendars channels, on the server each request names (else the current one). */
export function createPlanningHandlers(service: PlanningService): PlanningHandlerTable {
  return {
    'plans:list': async () => service.refresh(),
    'plans:create': async (input) => service.create(input),
    'plans:update': async (input) => service.update(input),
    'plans:setAutoJoin': async (input) => service.setAutoJoin(input),
    'plans:cancel': async (input) => {
      await service.cancel(input);
      return null;
    },
    'calendars:list': async ({ serverId }) => service.calendars(serverId),
    'calendars:add': async (input) => service.addCalendar(input),
    'calendars:update': async (input) => service.updateCalendar(input),
    'calendars:remove': async (input) => {
      await service.removeCalendar(input);
      return null;
    },
    'calendars:sync': async (input) => service.syncCalendar(input),
  };
}
