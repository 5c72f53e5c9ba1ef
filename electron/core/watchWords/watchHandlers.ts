import type { Handler } from '../../../shared/ipc/dispatch';
import type { Sessions } from '../connections/sessions';

/** `watchWords:hits`: what the core alerted for a meeting of the named (else the current) server. */
export function createWatchWordHandlers(sessions: Sessions): { 'watchWords:hits': Handler<'watchWords:hits'> } {
  return {
    'watchWords:hits': async ({ serverId, meetingId }) =>
      sessions
        .require(serverId, 'read its watch words')
        .watch.hits(meetingId)
        .map(({ lineKey, words, speaker, text, at, state }) => ({ lineKey, words, speaker, text, at, state })),
  };
}
