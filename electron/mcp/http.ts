import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LibraryAccess } from './libraryAccess';
import { hostIsLoopback, originIsLoopback, tokenMatches } from './httpGuard';
import { createLibraryMcpServer } from './server';

/** The one address the server listens on: this computer only, never every interface. */
export const LOOPBACK = '127.0.0.1';
/** The path of the MCP endpoint (the spec's single "MCP endpoint"). */
export const MCP_PATH = '/mcp';
/** A JSON-RPC message larger than this is refused before it is parsed (a tool call is a few hundred bytes). */
export const MAX_BODY_BYTES = 1_000_000;

export interface HttpServeOptions {
  dataDir: string;
  version: string;
  /** The servers whose meetings may be read, asked on every tool call (the same rule as stdio). */
  exposed(): string[];
  /** The token a request must bear, asked on every request: a new token refuses the old one at once. */
  token(): string;
  /** Ports to try in order; the first free one is used, else one the OS picks. */
  ports: number[];
  log(message: string): void;
}

export interface LibraryHttp {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** A refusal with no detail: what was wrong is not told to whoever asks. */
function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  const text = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Refused';
  // The request's body is not read: the connection closes after this answer.
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close', ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; body: unknown } | { ok: false; status: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413 };
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400 };
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (e: Error) => {
      server.off('listening', listening);
      reject(e);
    };
    const listening = () => {
      server.off('error', failed);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen({ host: LOOPBACK, port, exclusive: true });
  });
}

/**
 * The library over the MCP Streamable HTTP transport, on 127.0.0.1, for AI clients that connect by
 * URL. Stateless: each POST gets its own server and transport (the SDK's stateless pattern), so
 * nothing of one request outlives it and the shared servers are read anew at every call. A GET
 * stream or a session DELETE has nothing to serve here: 405 (the spec allows it).
 *
 * Checked before the SDK sees anything, in this order: the Host and Origin name this computer (a
 * web page that renamed itself to 127.0.0.1, DNS rebinding, gets 403), then the bearer token (401,
 * no detail). The SDK's own `allowedHosts` options are deprecated in favour of such a check.
 */
export async function serveHttp(options: HttpServeOptions): Promise<LibraryHttp> {
  const access = new LibraryAccess(options.dataDir);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostIsLoopback(req.headers.host) || !originIsLoopback(req.headers.origin)) return refuse(res, 403);
    if (!tokenMatches(req.headers.authorization, options.token())) return refuse(res, 401, { 'www-authenticate': 'Bearer' });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== MCP_PATH) return refuse(res, 404);
    if (req.method !== 'POST') return refuse(res, 405, { allow: 'POST' });
    const parsed = await readJson(req);
    if (!parsed.ok) return refuse(res, parsed.status);
    const mcp = createLibraryMcpServer({ dataDir: options.dataDir, version: options.version, exposed: options.exposed, access });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    mcp.server.server.onerror = (error) => options.log(`MCP error: ${error.message}`);
    res.on('close', () => void transport.close().then(() => mcp.server.close()));
    await mcp.server.connect(transport);
    await transport.handleRequest(req, res, parsed.body);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      options.log(`MCP over HTTP: a request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) refuse(res, 500);
      else res.end();
    });
  });
  // Long-lived idle connections would hold the app's quit; a client reconnects as it needs.
  server.keepAliveTimeout = 5_000;
  let port: number | null = null;
  for (const candidate of [...options.ports, 0]) {
    try {
      port = await listen(server, candidate);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || candidate === 0) {
        access.close();
        throw e;
      }
    }
  }
  const bound = port!;
  return {
    port: bound,
    url: `http://${LOOPBACK}:${bound}${MCP_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          access.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
