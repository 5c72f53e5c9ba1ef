import { UserFacingError, type HandlerTable } from '../../../shared/ipc/dispatch';
import type { SpeakerSyncView } from '../../../shared/ipc/speakers';
import { cleanSpeakerName, type SpeakerFix } from '../../../shared/transcript/speakerNames';
import type { Library } from '../cache/library';
import type { OutboxService } from '../cache/outbox';
import { parseJson } from '../cache/rows';
import type { Logger } from '../ports';
import { syncParticipants } from './participantSync';

export interface SpeakerHandlerDeps {
  library: Library;
  outbox: OutboxService;
  logger: Logger;
  /** What the person calls the server. */
  serverLabel(serverId: string): string;
  /** Whether the server is connected now. */
  isConnected(serverId: string): boolean;
  /** Sends the server's queued edits (when connected) and announces the meetings changed. */
  replay(serverId: string, meetingIds: number[]): void;
  emitChanged(change: { serverId: string | null; meetingIds: number[] | null }): void;
  emitSpeakers(serverId: string): void;
}

type SpeakerHandlers = Pick<HandlerTable, 'speakers:list' | 'speakers:fix' | 'speakers:restore'>;

/** Whether the server keeps meeting data (G1/G2 `PATCH … {"data": …}`), as its last check found. */
function takesMeetingData(library: Library, serverId: string): boolean {
  const caps = library.db.prepare('SELECT capabilities FROM servers WHERE id = ?').pluck().get(serverId) as string | undefined;
  return parseJson<{ meetingEdit?: boolean }>(caps, {}).meetingEdit !== false;
}

export function speakerSync(d: Pick<SpeakerHandlerDeps, 'library' | 'serverLabel' | 'isConnected'>, serverId: string): SpeakerSyncView {
  const label = d.serverLabel(serverId);
  if (!takesMeetingData(d.library, serverId)) {
    return {
      state: 'local',
      message: `${label} cannot store speaker names with its meetings, so the corrected names are kept on this computer and show in this app only (live captions, library, search, exports and AI tools).`,
    };
  }
  if (!d.isConnected(serverId)) {
    return {
      state: 'queued',
      message: `Kept here, and sent to ${label} as the meeting’s participants when it is connected again.`,
    };
  }
  return { state: 'server', message: `Sent to ${label} as the meeting’s participants, so other apps show the corrected names too.` };
}

/** `speakers:*`: speaker corrections (shared/ipc/speakers.ts). */
export function createSpeakerHandlers(d: SpeakerHandlerDeps): SpeakerHandlers {
  const store = d.library.speakers;

  const after = async (fix: SpeakerFix, retired: string[]) => {
    const meetingIds = await syncParticipants(d.library, d.outbox, fix, retired).catch((e: unknown) => {
      d.logger.warn('Speaker correction: participants not updated', { error: String(e) });
      return [] as number[];
    });
    d.emitSpeakers(fix.serverId);
    d.emitChanged({ serverId: fix.serverId, meetingIds: null });
    if (meetingIds.length > 0) d.replay(fix.serverId, meetingIds);
    return { meetings: meetingIds.length, sync: speakerSync(d, fix.serverId) };
  };

  return {
    'speakers:list': async ({ serverId }) => ({ serverId, fixes: store.ofServer(serverId), sync: speakerSync(d, serverId) }),
    'speakers:fix': async (input) => {
      const name = input.kind === 'merge' ? input.name : cleanSpeakerName(input.name);
      if (!name) throw new UserFacingError('invalid_input', 'Type the name to show for this speaker.');
      if (input.kind === 'merge' && name === input.label)
        throw new UserFacingError('invalid_input', 'Choose another speaker to merge into.');
      // The names a replaced rename or merge showed leave the participants.
      const replaced =
        input.kind === 'split'
          ? []
          : store
              .ofServer(input.serverId)
              .filter((f) => f.kind !== 'split' && f.meetingId === input.meetingId && f.label === input.label)
              .map((f) => f.name);
      const fix = store.add(
        input.kind === 'split'
          ? { ...input, name, fromAbsolute: input.fromAbsolute, fromStart: input.fromStart }
          : { serverId: input.serverId, meetingId: input.meetingId, kind: input.kind, label: input.label, name },
        d.library.now(),
      );
      d.logger.info('Speaker correction added', { kind: fix.kind, scope: fix.meetingId === null ? 'server' : 'meeting' });
      return { fix, ...(await after(fix, replaced)) };
    },
    'speakers:restore': async ({ id }) => {
      const fix = store.remove(id);
      if (!fix) throw new UserFacingError('not_found', 'This correction was already taken back.');
      d.logger.info('Speaker correction taken back', { kind: fix.kind });
      return { fix, ...(await after(fix, [fix.name])) };
    },
  };
}
