import type { Handler } from '../../shared/ipc/dispatch';
import type { ChannelName } from '../../shared/ipc/contract';
import type { RecordingService } from './recordings/recordingService';

type RecordingChannel =
  | 'recordings:list'
  | 'recordings:media'
  | 'recordings:delete'
  | 'recordings:keep'
  | 'recordings:forget'
  | 'recordings:save'
  | 'recordings:cache'
  | 'recordings:setCacheLimit';

export type RecordingHandlerTable = { [C in RecordingChannel & ChannelName]: Handler<C> };

/** A meeting's recordings and the offline copies (core/recordings/). */
export function createRecordingHandlers(service: RecordingService): RecordingHandlerTable {
  return {
    'recordings:list': async ({ id }) => service.list(id),
    'recordings:media': async (input) => service.media(input),
    'recordings:delete': async ({ id, recordingId }) => service.delete(id, recordingId),
    'recordings:keep': async (input) => service.keep(input),
    'recordings:forget': async (input) => service.forget(input),
    'recordings:save': async (input) => service.save(input),
    'recordings:cache': async () => service.cacheState(),
    'recordings:setCacheLimit': async ({ limitMb }) => service.setCacheLimit(limitMb),
  };
}
