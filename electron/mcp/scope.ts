import type { LibraryMeeting, LibraryServer } from '../core/cache/types';
import { ToolRefusal, type LibraryAccess } from './libraryAccess';

export const NOTHING_SHARED =
  'No server’s meetings are shared with AI tools yet. In Vexa Companion, open Settings → AI tools (MCP) and tick the servers whose meetings may be read, then ask again.';

export interface ScopeDeps {
  access: LibraryAccess;
  /** The servers the person shares, read from the settings file on every call. */
  exposed(): string[];
}

/**
 * What one tool call may see: the shared servers as they are at this call, never an empty list.
 * The library reads an empty server list as "no server filter", so every read goes through here
 * and a call with nothing shared is refused before the library is asked.
 */
export class Scope {
  readonly serverIds: readonly string[];
  private readonly servers: LibraryServer[];

  private constructor(
    readonly deps: ScopeDeps,
    serverIds: string[],
    servers: LibraryServer[],
  ) {
    this.serverIds = serverIds;
    this.servers = servers;
  }

  static async open(deps: ScopeDeps): Promise<Scope> {
    const exposed = deps.exposed();
    if (exposed.length === 0) throw new ToolRefusal(NOTHING_SHARED);
    const { library } = deps.access.library();
    const known = await library.servers();
    return new Scope(
      deps,
      exposed,
      known.filter((s) => exposed.includes(s.serverId)),
    );
  }

  get library() {
    return this.deps.access.library().library;
  }

  /** The shared servers that hold meetings on this computer, named as the app names them. */
  shared(): LibraryServer[] {
    return this.servers;
  }

  label(serverId: string): string {
    return this.servers.find((s) => s.serverId === serverId)?.label ?? serverId;
  }

  /** One shared server by its id or its name (as results show it), or every shared server. */
  serverFilter(server: string | undefined): string[] {
    if (server === undefined || server.trim() === '') return [...this.serverIds];
    const wanted = server.trim().toLowerCase();
    const byId = this.serverIds.find((id) => id.toLowerCase() === wanted);
    if (byId) return [byId];
    const byLabel = this.servers.filter((s) => s.label.toLowerCase() === wanted);
    if (byLabel.length > 0) return byLabel.map((s) => s.serverId);
    const names = this.servers.map((s) => `"${s.label}" (${s.serverId})`).join(', ');
    throw new ToolRefusal(
      `No shared server is called "${server}". ${names ? `Shared servers: ${names}.` : 'The shared servers hold no meetings yet.'} Leave "server" out to search them all.`,
    );
  }

  /** A meeting of a shared server; any other id gets the same answer as one that does not exist. */
  async meeting(id: number): Promise<LibraryMeeting> {
    const meeting = await this.library.meeting(id);
    if (!meeting || !this.serverIds.includes(meeting.serverId))
      throw new ToolRefusal(`No meeting with id ${id} is in the shared library. Find meeting ids with list_meetings or search_meetings.`);
    return meeting;
  }
}
