import { isVexaError } from '../../../shared/vexa/errors';
import type { MeetingParticipants } from '../../../shared/vexa/participants';
import type { ParticipantsView } from '../../../shared/ipc/meetingInfo';
import type { LibraryMeeting } from '../cache/types';
import type { Logger } from '../ports';
import type { VexaClient } from '../vexa/client';
import type { ParticipantStore, StoredParticipants } from './participantStore';

export interface ParticipantsDeps {
  meeting(id: number): Promise<LibraryMeeting | null>;
  /** The meeting's server's client while it is connected, else null. */
  client(serverId: string): VexaClient | null;
  store: ParticipantStore;
  now(): number;
  logger: Logger;
}

export const PARTICIPANT_MESSAGES = {
  noRoute:
    'This server (Vexa 0.9 or earlier) does not list who took part in a meeting; only the names entered in the meeting’s details are known.',
  noLink: 'This meeting has no link on its server, so the server cannot list who took part.',
  olderOnLink:
    'The server lists participants only for the newest meeting on this link, so this earlier meeting’s list cannot be read from it.',
  offline: 'The meeting’s server is not connected, so this is the list saved on this computer.',
  notRead: 'The meeting’s server is not connected; who took part is read from it once it is.',
} as const;

function view(state: ParticipantsView['state'], p: StoredParticipants | null, message: string | null): ParticipantsView {
  return {
    state: p ? state : state === 'fresh' || state === 'cached' ? 'none' : state,
    message,
    rows: p?.rows ?? [],
    sources: p?.sources ?? [],
    rosterRecorded: p?.rosterRecorded ?? false,
    fetchedAt: p?.fetchedAt ?? null,
  };
}

/**
 * Reads who took part in a library meeting from its server (G2/G3) and keeps the answer for
 * offline reading and search. Both servers answer for the newest meeting on the link, so an answer
 * for another row is never stored under this one: the cached list (if any) is shown with the reason.
 */
export class ParticipantsService {
  constructor(private readonly d: ParticipantsDeps) {}

  async read(id: number): Promise<ParticipantsView> {
    const m = await this.d.meeting(id);
    if (!m) return view('none', null, 'This meeting is no longer in the library.');
    const cached = this.d.store.get(id);
    const client = this.d.client(m.serverId);
    if (!client) return cached ? view('cached', cached, PARTICIPANT_MESSAGES.offline) : view('none', null, PARTICIPANT_MESSAGES.notRead);
    if (!client.capabilities.participants) return view('unavailable', cached, PARTICIPANT_MESSAGES.noRoute);
    if (m.nativeMeetingId === null || m.planned) return view('unavailable', cached, PARTICIPANT_MESSAGES.noLink);
    let answer: MeetingParticipants;
    try {
      answer = await client.getParticipants(m.platform, m.nativeMeetingId);
    } catch (e) {
      const message = isVexaError(e) ? e.userMessage : 'The server could not list who took part.';
      this.d.logger.debug('Reading participants failed', { error: String(e) });
      return cached ? view('cached', cached, message) : view('none', null, message);
    }
    if (answer.meetingId !== null && answer.meetingId !== m.remoteId) {
      return cached
        ? view('cached', cached, PARTICIPANT_MESSAGES.olderOnLink)
        : view('unavailable', null, PARTICIPANT_MESSAGES.olderOnLink);
    }
    const at = this.d.now();
    this.d.store.put(id, answer, at);
    return view('fresh', { rows: answer.rows, sources: answer.sources, rosterRecorded: answer.rosterRecorded, fetchedAt: at }, null);
  }
}
