import type { Handler } from '../../../shared/ipc/dispatch';
import type { UpdateService } from './updateService';

export interface UpdateHandlers {
  'updates:get': Handler<'updates:get'>;
  'updates:check': Handler<'updates:check'>;
  'updates:configure': Handler<'updates:configure'>;
  'updates:restart': Handler<'updates:restart'>;
}

export function createUpdateHandlers(updates: UpdateService): UpdateHandlers {
  return {
    'updates:get': async () => updates.view(),
    'updates:check': async () => updates.checkNow(),
    'updates:configure': async (patch) => updates.configure(patch),
    'updates:restart': async ({ confirmLive }) => updates.restart(confirmLive),
  };
}
