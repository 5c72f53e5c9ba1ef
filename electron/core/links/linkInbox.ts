import { deepLinkLogFields, parseDeepLink, type DeepLink } from '../../../shared/deepLink';
import type { LinkRequest } from '../../../shared/ipc/links';
import { clip } from '../../../shared/meetingLink/types';
import type { Logger } from '../ports';
import { resolveServer } from './resolveServer';

/** A server the app knows, by id, with the name the window shows for it. */
export interface KnownServer {
  id: string;
  label: string;
}

export interface LinkInboxDeps {
  /** Every server the app knows: the list of servers and the servers the library holds meetings of. */
  knownServers(): Promise<KnownServer[]>;
  /** The library's id of a server's meeting, or null when the library does not show it. */
  libraryMeeting(serverId: string, remoteId: number): Promise<number | null>;
  /** Tells the window that links wait (`links:waiting`). */
  announce(count: number): void;
  logger: Logger;
}

/**
 * A page could open hundreds of links in a loop; the window acts on the newest few and the rest
 * are dropped rather than kept in memory.
 */
export const MAX_WAITING_LINKS = 5;

/**
 * Where `vexa://` links land in the core, from any transport (the desktop shell's command line
 * and macOS open-url events, the web harness's test hook). Each link is read (shared/deepLink.ts),
 * checked against the servers and the library, and kept as a request until the main window takes
 * it: the window may still be loading, or not open at all, when a link starts the app.
 */
export class LinkInbox {
  private waiting: LinkRequest[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: LinkInboxDeps) {}

  /** Reads a link and keeps what it asks for; resolves with that request (a refusal included). Never rejects. */
  open(raw: unknown): Promise<LinkRequest> {
    // One at a time, so requests are taken in the order their links arrived.
    const next = this.chain.then(() => this.handle(raw));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** The requests waiting, oldest first; each is handed out once. */
  take(): LinkRequest[] {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }

  private async handle(raw: unknown): Promise<LinkRequest> {
    const fields = deepLinkLogFields(raw);
    let request: LinkRequest;
    try {
      const parsed = parseDeepLink(raw);
      request = parsed.ok ? await this.resolve(parsed.link) : { kind: 'refused', message: parsed.message };
      if (request.kind === 'refused') this.d.logger.warn('Refused a link', { ...fields, reason: parsed.ok ? 'not-found' : parsed.code });
      else this.d.logger.info('Opened a link', fields);
    } catch (e) {
      this.d.logger.error('Could not open a link', { ...fields, error: String(e) });
      request = { kind: 'refused', message: 'Vexa Companion could not open that link. Try again in a moment.' };
    }
    this.waiting = [...this.waiting, request].slice(-MAX_WAITING_LINKS);
    this.d.announce(this.waiting.length);
    return request;
  }

  private async resolve(link: DeepLink): Promise<LinkRequest> {
    if (link.kind === 'join') return { kind: 'join', link: link.meetingLink };
    const servers = await this.d.knownServers();
    const match = resolveServer(
      link.server,
      servers.map((s) => s.id),
    );
    const shown = `“${clip(link.server, 80)}”`;
    if (!match.ok && match.reason === 'ambiguous') {
      const names = match.candidates.map((id) => servers.find((s) => s.id === id)?.label ?? id).join(', ');
      return {
        kind: 'refused',
        message: `That meeting link names the server ${shown}, and more than one of your servers is there (${names}). A link with the server’s full address opens the meeting.`,
      };
    }
    if (!match.ok)
      return {
        kind: 'refused',
        message: `That meeting link is for a server Vexa Companion does not know: ${shown}. Add the server in Settings, then open the link again.`,
      };
    const label = servers.find((s) => s.id === match.serverId)?.label ?? match.serverId;
    const meetingId = await this.d.libraryMeeting(match.serverId, link.meetingId);
    if (meetingId === null)
      return {
        kind: 'refused',
        message: `Meeting ${link.meetingId} of ${label} is not in the library on this computer. It may not have synced yet, or it was deleted here.`,
      };
    return { kind: 'meeting', serverId: match.serverId, meetingId, remoteId: link.meetingId };
  }
}
