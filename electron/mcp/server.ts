import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { readExposedServers } from './exposure';
import { LibraryAccess } from './libraryAccess';
import { registerMeetingTools } from './meetingTools';
import { registerSearch } from './searchTool';
import { registerTranscript } from './transcriptTool';

export interface LibraryServerOptions {
  /** The app's data folder: its settings file and its cache. Nothing else in it is read (the key file never). */
  dataDir: string;
  version: string;
  /** Which servers are shared, read on every call; defaults to the data folder's settings file. */
  exposed?: () => string[];
  /** An open library shared by several servers (HTTP: one server per request); its owner closes it, not `close()`. */
  access?: LibraryAccess;
}

export interface LibraryMcp {
  server: McpServer;
  close(): Promise<void>;
}

const INSTRUCTIONS = [
  'Read-only access to the meetings the person recorded with Vexa Companion and chose to share with AI tools: transcripts, names, notes, participants and status histories, from the copy kept on their computer.',
  'Start with search_meetings to find what was said, or list_meetings for recent meetings; then get_transcript and get_meeting by meeting id.',
  'Cite meetings by name and date, and quote speakers as the transcript names them.',
].join(' ');

/** The library as an MCP server: four read-only tools over the app's cache. */
export function createLibraryMcpServer(options: LibraryServerOptions): LibraryMcp {
  const access = options.access ?? new LibraryAccess(options.dataDir);
  const deps = { access, exposed: options.exposed ?? (() => readExposedServers(options.dataDir)) };
  const server = new McpServer(
    { name: 'vexa-companion-library', title: 'Vexa Companion library', version: options.version },
    { instructions: INSTRUCTIONS },
  );
  registerSearch(server, deps);
  registerTranscript(server, deps);
  registerMeetingTools(server, deps);
  return {
    server,
    async close() {
      await server.close();
      if (!options.access) access.close();
    },
  };
}
