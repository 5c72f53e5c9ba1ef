import { createWriteStream } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { RecordingCacheView, RecordingListView, RecordingView } from '../../../shared/ipc/recordings';
import { TERMINAL_STATUSES } from '../../../shared/meetings/outcome';
import { generationLabel, isVexaError, type Recording, type ServerCapabilities, type ServerGeneration } from '../../../shared/vexa';
import type { LibraryMeeting } from '../cache';
import type { Dialogs, Logger } from '../ports';
import type { VexaClient } from '../vexa';
import { MEDIA_PREFIX, type MediaTicket, type MediaTickets } from './mediaTickets';
import { offlineListReason, recordingDeletion } from './listReason';
import { CacheRefusal, type KeptRecording, type OfflineRecordings } from './offlineCache';

export interface RecordingServiceDeps {
  meeting(id: number): Promise<LibraryMeeting | null>;
  /** The server as the app knows it; null for one no longer listed. */
  server(serverId: string): { label: string; generation: ServerGeneration; capabilities: ServerCapabilities } | null;
  /** The client of a connected server, or null. */
  client(serverId: string): VexaClient | null;
  cache: OfflineRecordings;
  tickets: MediaTickets;
  dialogs: Dialogs;
  logger: Logger;
  /** The scopes of the key this app holds for a server (null: not known); decides whether deleting is offered. */
  keyScopes?(serverId: string): Promise<string[] | null>;
}

type Media = { id: number; recordingId: number; mediaId: number };
const MB = 1024 * 1024;

function notFound(): UserFacingError {
  return new UserFacingError('not_found', 'This recording is no longer listed for the meeting. Open the meeting again.');
}

function viewOf(r: Recording, kept: readonly KeptRecording[]): RecordingView {
  return {
    recordingId: r.id,
    status: r.status,
    createdAt: r.createdAt,
    media: r.media.map((m) => {
      const k = kept.find((e) => e.recordingId === r.id && e.mediaId === m.id);
      return {
        mediaId: m.id,
        type: m.type,
        format: m.format,
        sizeBytes: m.sizeBytes,
        durationSeconds: m.durationSeconds,
        captureStartedAt: m.captureStartedAt,
        kept: k ? { bytes: k.size, keptAt: k.keptAt } : null,
      };
    }),
  };
}

/** The kept copies of a meeting, as the list shows them when its server cannot be asked. */
function keptViews(kept: readonly KeptRecording[]): RecordingView[] {
  const ids = [...new Set(kept.map((k) => k.recordingId))];
  return ids.map((id) => {
    const files = kept.filter((k) => k.recordingId === id);
    return {
      recordingId: id,
      status: 'completed',
      createdAt: files[0]?.createdAt ?? null,
      media: files.map((k) => ({
        mediaId: k.mediaId,
        type: k.type,
        format: k.format,
        sizeBytes: k.size,
        durationSeconds: k.durationSeconds,
        captureStartedAt: k.captureStartedAt,
        kept: { bytes: k.size, keptAt: k.keptAt },
      })),
    };
  });
}

/**
 * A meeting's recordings: listed from its server, played through media tickets, deleted there,
 * kept on this computer for offline listening. Every request names a library meeting; the core
 * finds its server and the server's meeting id itself.
 */
export class RecordingService {
  /** What the last lists said of each media file, so a ticket or a download needs no new call. */
  private readonly known = new Map<string, { meeting: LibraryMeeting; recording: Recording; media: Recording['media'][number] }>();

  constructor(private readonly d: RecordingServiceDeps) {}

  private async meetingOf(id: number): Promise<LibraryMeeting> {
    const meeting = await this.d.meeting(id);
    if (!meeting) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
    return meeting;
  }

  private async keptOf(meeting: LibraryMeeting): Promise<KeptRecording[]> {
    return (await this.d.cache.list()).filter((k) => k.serverId === meeting.serverId && k.remoteId === meeting.remoteId);
  }

  async list(id: number): Promise<RecordingListView> {
    const meeting = await this.meetingOf(id);
    const server = this.d.server(meeting.serverId);
    const kept = await this.keptOf(meeting);
    if (server && !server.capabilities.recordings) {
      return {
        available: false,
        source: 'server',
        reason: `${server.label} (${generationLabel(server.generation)}) does not keep recordings of meetings, so there is no audio to play here.`,
        canDelete: false,
        deleteNote: null,
        recordings: keptViews(kept),
      };
    }
    const finished = TERMINAL_STATUSES.has(meeting.status);
    const client = this.d.client(meeting.serverId);
    let unreachable = false;
    if (client) {
      try {
        const recordings = await client.listRecordings(meeting.remoteId);
        for (const r of recordings)
          for (const m of r.media) this.known.set(`${meeting.serverId}|${r.id}|${m.id}`, { meeting, recording: r, media: m });
        const reason =
          recordings.length > 0
            ? null
            : finished
              ? 'The server kept no recording of this meeting: the bot may have been sent with recording turned off, or it never got in.'
              : 'The recording appears here once the meeting has ended.';
        const scopes = (await this.d.keyScopes?.(meeting.serverId).catch(() => null)) ?? null;
        const deletion = recordingDeletion(server?.generation ?? null, finished, scopes);
        return {
          available: true,
          source: 'server',
          reason,
          canDelete: deletion.canDelete,
          deleteNote: recordings.length > 0 ? deletion.note : null,
          recordings: recordings.map((r) => viewOf(r, kept)),
        };
      } catch (e) {
        if (!isVexaError(e)) throw e;
        // Refusals (a key without the scope, a server without the route) are for the person to read.
        if (!['unreachable', 'timeout', 'server_error', 'upstream_down', 'tls'].includes(e.code))
          throw new UserFacingError(e.code, e.userMessage);
        unreachable = true;
      }
    }
    return {
      available: true,
      source: 'offline',
      reason: offlineListReason(server?.label ?? 'The meeting’s server', unreachable, kept.length),
      canDelete: false,
      deleteNote: null,
      recordings: keptViews(kept),
    };
  }

  /** The media file as the last list described it, else from the kept copy. */
  private async describe(input: Media): Promise<{
    meeting: LibraryMeeting;
    ticket: MediaTicket;
    durationSeconds: number | null;
    captureStartedAt: number | null;
    createdAt: number | null;
  }> {
    const meeting = await this.meetingOf(input.id);
    const key = `${meeting.serverId}|${input.recordingId}|${input.mediaId}`;
    let found = this.known.get(key);
    if (!found) {
      const kept = (await this.keptOf(meeting)).find((k) => k.recordingId === input.recordingId && k.mediaId === input.mediaId);
      if (kept) {
        return {
          meeting,
          ticket: ticketOf(meeting, input, kept.format, kept.type, kept.size),
          durationSeconds: kept.durationSeconds,
          captureStartedAt: kept.captureStartedAt,
          createdAt: kept.createdAt,
        };
      }
      await this.list(input.id);
      found = this.known.get(key);
    }
    if (!found || found.meeting.remoteId !== meeting.remoteId) throw notFound();
    return {
      meeting,
      ticket: ticketOf(meeting, input, found.media.format, found.media.type, found.media.sizeBytes),
      durationSeconds: found.media.durationSeconds,
      captureStartedAt: found.media.captureStartedAt,
      createdAt: found.recording.createdAt,
    };
  }

  async media(input: Media): Promise<{ path: string }> {
    const { ticket } = await this.describe(input);
    return { path: `${MEDIA_PREFIX}${this.d.tickets.mint(ticket)}`.slice(1) };
  }

  private requireClient(meeting: LibraryMeeting, action: string): VexaClient {
    const client = this.d.client(meeting.serverId);
    if (!client) {
      const label = this.d.server(meeting.serverId)?.label ?? 'The meeting’s server';
      throw new UserFacingError('not_connected', `${label} is not connected, so the app cannot ${action}. Reconnect it and try again.`);
    }
    return client;
  }

  async delete(id: number, recordingId: number): Promise<null> {
    const meeting = await this.meetingOf(id);
    await this.requireClient(meeting, 'delete the recording').deleteRecording(recordingId);
    await this.d.cache.forget({ serverId: meeting.serverId, recordingId });
    this.d.tickets.revoke(meeting.serverId, recordingId);
    for (const key of this.known.keys()) if (key.startsWith(`${meeting.serverId}|${recordingId}|`)) this.known.delete(key);
    return null;
  }

  async keep(input: Media): Promise<{ bytes: number; evicted: number }> {
    const found = await this.describe(input);
    const client = this.requireClient(found.meeting, 'download the recording');
    const res = await client.openRecordingMedia(input.recordingId, input.mediaId, null);
    if (!res.body) throw new UserFacingError('invalid_response', 'The server sent an empty recording.');
    try {
      const { entry, evicted } = await this.d.cache.keep(
        {
          serverId: found.meeting.serverId,
          remoteId: found.meeting.remoteId,
          recordingId: input.recordingId,
          mediaId: input.mediaId,
          format: found.ticket.format,
          type: found.ticket.type,
          durationSeconds: found.durationSeconds,
          captureStartedAt: found.captureStartedAt,
          createdAt: found.createdAt,
        },
        res.body,
        found.ticket.sizeBytes,
      );
      return { bytes: entry.size, evicted: evicted.length };
    } catch (e) {
      if (e instanceof CacheRefusal) throw new UserFacingError('too_large', e.message);
      throw e;
    }
  }

  async forget(input: Media): Promise<null> {
    const meeting = await this.meetingOf(input.id);
    await this.d.cache.forget({ serverId: meeting.serverId, recordingId: input.recordingId, mediaId: input.mediaId });
    return null;
  }

  async save(
    input: Media,
  ): Promise<{ mode: 'saved'; path: string; fileName: string } | { mode: 'browser'; fileName: string } | { mode: 'cancelled' }> {
    const { meeting, ticket } = await this.describe(input);
    if (!this.d.dialogs.canSave) return { mode: 'browser', fileName: ticket.fileName };
    const path = await this.d.dialogs.saveFile({ defaultName: ticket.fileName, filters: [{ name: 'Audio', extensions: [ticket.format] }] });
    if (!path) return { mode: 'cancelled' };
    const kept = await this.d.cache.file(ticket);
    if (kept) await copyFile(kept.path, path);
    else {
      const res = await this.requireClient(meeting, 'download the recording').openRecordingMedia(input.recordingId, input.mediaId, null);
      if (!res.body) throw new UserFacingError('invalid_response', 'The server sent an empty recording.');
      await pipeline(Readable.fromWeb(res.body as NodeWebStream<Uint8Array>), createWriteStream(path));
    }
    return { mode: 'saved', path, fileName: ticket.fileName };
  }

  async cacheState(): Promise<RecordingCacheView> {
    return this.d.cache.state();
  }

  async setCacheLimit(limitMb: number): Promise<RecordingCacheView & { evicted: number }> {
    const gone = await this.d.cache.setLimit(limitMb * MB);
    return { ...(await this.d.cache.state()), evicted: gone.length };
  }
}

function ticketOf(meeting: LibraryMeeting, input: Media, format: string, type: string, sizeBytes: number | null): MediaTicket {
  const name =
    (meeting.name ?? `meeting-${meeting.remoteId}`)
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'meeting';
  return {
    serverId: meeting.serverId,
    remoteId: meeting.remoteId,
    recordingId: input.recordingId,
    mediaId: input.mediaId,
    format,
    type,
    fileName: `${name}-recording-${input.recordingId}.${format}`,
    sizeBytes,
  };
}
