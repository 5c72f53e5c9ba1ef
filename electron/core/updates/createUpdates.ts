import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { CoreOptions } from '../app';
import type { Clock, Logger } from '../ports';
import type { SettingsStore } from '../settings';
import { createUpdateHandlers, type UpdateHandlers } from './handlers';
import { liveMeetingNames } from './liveMeetings';
import { UpdateService } from './updateService';
import { inactiveUpdater } from './updaterPort';

export interface UpdatesDeps {
  options: CoreOptions;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
  tracked(): TrackedMeetingView[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** The update service of the core, started; without an updater in the options the app never updates itself. */
export function createUpdates(d: UpdatesDeps): { service: UpdateService; handlers: UpdateHandlers } {
  const updates = d.options.updates;
  const service = new UpdateService({
    updater: updates?.updater ?? inactiveUpdater(d.options.version, 'unsupported'),
    settings: {
      get: () => d.settings.settings.updates,
      save: (next) => void d.settings.update({ updates: next }),
    },
    liveMeetings: () => liveMeetingNames(d.tracked()),
    clock: d.clock,
    logger: d.logger,
    emit: (view) => d.emit('updates:state', view),
    ...(updates?.firstCheckMs !== undefined ? { firstCheckMs: updates.firstCheckMs } : {}),
    ...(updates?.everyMs !== undefined ? { everyMs: updates.everyMs } : {}),
  });
  service.start();
  return { service, handlers: createUpdateHandlers(service) };
}
