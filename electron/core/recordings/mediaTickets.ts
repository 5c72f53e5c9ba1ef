import { randomBytes } from 'node:crypto';

/** What a media address stands for. The address itself names none of it, and no key. */
export interface MediaTicket {
  serverId: string;
  /** The server's meeting id. */
  remoteId: number;
  recordingId: number;
  mediaId: number;
  format: string;
  type: string;
  fileName: string;
  sizeBytes: number | null;
}

const MAX_TICKETS = 500;
export const MEDIA_PREFIX = '/media/';

/**
 * Unguessable media addresses for the window (`/media/<ticket>` on the app's own protocol or the
 * web harness): the window asks for one over IPC and hands it to an `<audio>` element, which can
 * send no header of its own. The ticket maps to a recording; the key stays in the core.
 */
export class MediaTickets {
  private readonly byToken = new Map<string, MediaTicket>();
  private readonly byMedia = new Map<string, string>();

  mint(ticket: MediaTicket): string {
    const mediaKey = `${ticket.serverId}|${ticket.recordingId}|${ticket.mediaId}`;
    const known = this.byMedia.get(mediaKey);
    if (known && this.byToken.has(known)) {
      this.byToken.set(known, ticket);
      return known;
    }
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, ticket);
    this.byMedia.set(mediaKey, token);
    while (this.byToken.size > MAX_TICKETS) {
      const oldest = this.byToken.keys().next().value as string;
      this.byToken.delete(oldest);
    }
    return token;
  }

  /** The ticket a `/media/<token>` path names, or null. */
  resolve(pathname: string): MediaTicket | null {
    if (!pathname.startsWith(MEDIA_PREFIX)) return null;
    const token = pathname.slice(MEDIA_PREFIX.length);
    return /^[A-Za-z0-9_-]{32}$/.test(token) ? (this.byToken.get(token) ?? null) : null;
  }

  /** A recording deleted: its addresses stop working. */
  revoke(serverId: string, recordingId: number): void {
    for (const [token, t] of this.byToken) {
      if (t.serverId === serverId && t.recordingId === recordingId) {
        this.byToken.delete(token);
        this.byMedia.delete(`${t.serverId}|${t.recordingId}|${t.mediaId}`);
      }
    }
  }
}
