import { UserFacingError } from '../../shared/ipc/dispatch';
import type { McpHttpView } from '../../shared/ipc/mcp';
import { serveHttp, type LibraryHttp } from '../mcp/http';
import { McpHttpAccessFile, newToken, type McpHttpStored } from './mcpHttpAccess';
import { MCP_SERVER_NAME } from './mcpSettings';
import type { Logger } from './ports';

/** The port tried first, then the next few; when all are taken the OS picks one. */
export const MCP_HTTP_PORT = 46917;
const PORT_TRIES = 10;

export const NOTHING_SHARED_FOR_HTTP =
  'Tick at least one server above first: over HTTP, AI apps read the same meetings as over the command.';

export interface McpHttpDeps {
  dataDir: string;
  version: string;
  logger: Logger;
  /** The servers shared with AI tools, as Settings holds them now (read on every tool call). */
  exposed(): string[];
  /** Ports to try; defaults to MCP_HTTP_PORT and the next nine. */
  ports?: number[];
}

/** The entry an AI client that connects by URL takes (Claude Code's .mcp.json shape; Cursor and others read `url` and `headers`). */
export function httpClientConfig(url: string, token: string): string {
  return JSON.stringify(
    { mcpServers: { [MCP_SERVER_NAME]: { type: 'http', url, headers: { Authorization: `Bearer ${token}` } } } },
    null,
    2,
  );
}

/**
 * The library over HTTP inside the running app: on while the person wants it (remembered in the
 * private `mcp-http.json`), stopped when turned off and when the app quits. Changes run one after
 * another, so a quick off-on-off ends where the last click left it.
 */
export class McpHttpService {
  private readonly store: McpHttpAccessFile;
  private stored: McpHttpStored | null;
  private running: LibraryHttp | null = null;
  private problem: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly d: McpHttpDeps) {
    this.store = new McpHttpAccessFile(d.dataDir);
    this.stored = this.store.read();
    if (this.stored) d.logger.addSecret(this.stored.token);
  }

  private get ports(): number[] {
    return this.d.ports ?? Array.from({ length: PORT_TRIES }, (_, i) => MCP_HTTP_PORT + i);
  }

  /** At the core's start: serves again if it was on when the app last closed. */
  start(): Promise<McpHttpView> {
    return this.run(async () => {
      if (this.stored?.enabled) await this.listen();
    });
  }

  /** The view once changes already asked for (the start's too) are done. */
  current(): Promise<McpHttpView> {
    return this.run(async () => {});
  }

  view(): McpHttpView {
    const on = this.running !== null;
    const token = this.stored?.token ?? null;
    return {
      enabled: this.stored?.enabled ?? false,
      state: on ? 'on' : this.stored?.enabled ? 'failed' : 'off',
      url: this.running?.url ?? null,
      port: this.running?.port ?? null,
      defaultPort: this.ports[0] ?? MCP_HTTP_PORT,
      token: on ? token : null,
      clientConfig: on && token ? httpClientConfig(this.running!.url, token) : null,
      problem: this.stored?.enabled && !on ? this.problem : null,
    };
  }

  setEnabled(enabled: boolean): Promise<McpHttpView> {
    return this.run(async () => {
      if (enabled && this.d.exposed().length === 0) throw new UserFacingError('nothing_shared', NOTHING_SHARED_FOR_HTTP);
      this.save({ enabled, token: this.stored?.token ?? this.freshToken() });
      if (enabled) await this.listen();
      else await this.stop();
    });
  }

  /** The old token is forgotten before this returns: the server compares against `stored` on every request. */
  renewToken(): Promise<McpHttpView> {
    return this.run(async () => {
      this.save({ enabled: this.stored?.enabled ?? false, token: this.freshToken() });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private freshToken(): string {
    const token = newToken();
    this.d.logger.addSecret(token);
    return token;
  }

  private save(next: McpHttpStored): void {
    try {
      this.store.write(next);
    } catch (e) {
      this.d.logger.warn('Could not save the AI tools HTTP settings', { error: String(e) });
      throw new UserFacingError(
        'storage_failed',
        'Could not save this change in the app’s data folder. Check that it is writable, then try again.',
      );
    }
    this.stored = next;
  }

  private async listen(): Promise<void> {
    if (this.running || this.closed) return;
    try {
      this.running = await serveHttp({
        dataDir: this.d.dataDir,
        version: this.d.version,
        exposed: () => this.d.exposed(),
        // Read on every request; no token (never saved) matches nothing.
        token: () => this.stored?.token ?? '',
        ports: this.ports,
        log: (message) => this.d.logger.warn(message),
      });
      this.problem = null;
      // The app began to quit while the port was being taken.
      if (this.closed) return await this.stop();
      this.d.logger.info('Serving the library to AI tools over HTTP', { port: this.running.port });
    } catch (e) {
      this.problem = `The library could not be served over HTTP on this computer (${(e as NodeJS.ErrnoException).code ?? 'error'}). Turn it off and on again, or restart the app.`;
      this.d.logger.warn('Could not serve the library over HTTP', { error: String(e) });
    }
  }

  private async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) {
      await running.close();
      this.d.logger.info('Stopped serving the library over HTTP');
    }
  }

  private run(step: () => Promise<void>): Promise<McpHttpView> {
    const next = this.queue.then(step).then(() => this.view());
    this.queue = next.catch(() => undefined);
    return next;
  }
}

export function createMcpHttpHandlers(service: McpHttpService) {
  return {
    'mcp:http:get': async () => service.current(),
    'mcp:http:set': async ({ enabled }: { enabled: boolean }) => service.setEnabled(enabled),
    'mcp:http:newToken': async () => service.renewToken(),
  };
}
export type McpHttpHandlers = ReturnType<typeof createMcpHttpHandlers>;
