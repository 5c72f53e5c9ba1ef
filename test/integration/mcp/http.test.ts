import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest, createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { McpHttpService } from '../../../electron/core/mcpHttp';
import { MCP_HTTP_FILE } from '../../../electron/core/mcpHttpAccess';
import type { Logger } from '../../../electron/core/ports';
import type { TestLibrary } from '../cache/helpers';
import { ACME, buildDataFolder, HIDDEN, SECRET_KEY, textOf } from './libraryFixture';

const quietLogger = (): Logger & { secrets: string[]; lines: string[] } => {
  const secrets: string[] = [];
  const lines: string[] = [];
  const log = (m: string, f?: Record<string, unknown>) => void lines.push(`${m} ${JSON.stringify(f ?? {})}`);
  return {
    secrets,
    lines,
    debug: log,
    info: log,
    warn: log,
    error: log,
    addSecret: (v) => void secrets.push(v),
    redact: (t) => t,
    close: async () => {},
  };
};

/** A port free a moment ago (the OS's pick), not the app's default: other runs may hold that one. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function sdkClient(url: string, token: string | null): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  const client = new Client({ name: 'http-test-client', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;

/** A raw request with headers fetch will not let us set (Host). */
function raw(url: string, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, agent: false, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }));
  });
}

describe('the library over HTTP on this computer (SDK client, real library file)', () => {
  let dir: string;
  let lib: TestLibrary;
  let ids: Record<string, number>;
  let exposed: string[];
  let service: McpHttpService;
  let logger: ReturnType<typeof quietLogger>;
  let basePort: number;
  const open: Array<Client | Server> = [];

  const make = (ports = [basePort]) => new McpHttpService({ dataDir: dir, version: '0.0.0-test', logger, exposed: () => exposed, ports });

  beforeEach(async () => {
    ({ dir, lib, ids } = await buildDataFolder([ACME]));
    exposed = [ACME];
    logger = quietLogger();
    basePort = await freePort();
    service = make();
  });
  afterEach(async () => {
    for (const o of open.splice(0))
      await new Promise<void>((r) => (o instanceof Client ? void o.close().then(() => r()) : o.close(() => r())));
    await service.close();
    lib.close();
  });

  it('is off until turned on, and refuses to turn on while nothing is shared', async () => {
    expect(await service.current()).toMatchObject({ enabled: false, state: 'off', url: null, token: null });
    exposed = [];
    await expect(service.setEnabled(true)).rejects.toMatchObject({ code: 'nothing_shared' });
    expect(service.view().state).toBe('off');
  });

  it('lists and searches the shared meetings with the shown URL and token, on 127.0.0.1', async () => {
    const view = await service.setEnabled(true);
    expect(view).toMatchObject({ enabled: true, state: 'on', port: basePort, url: `http://127.0.0.1:${basePort}/mcp` });
    expect(view.token).toMatch(/^vxc_[\w-]{43}$/);
    expect(JSON.parse(view.clientConfig!).mcpServers['vexa-companion']).toEqual({
      type: 'http',
      url: view.url,
      headers: { Authorization: `Bearer ${view.token}` },
    });
    const client = await sdkClient(view.url!, view.token);
    open.push(client);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_meeting', 'get_transcript', 'list_meetings', 'search_meetings']);
    const listed = await call(client, 'list_meetings');
    expect(textOf(listed)).toContain('Budget planning');
    expect(textOf(listed)).not.toContain('Private budget review');
    const found = await call(client, 'search_meetings', { query: 'budget' });
    expect(textOf(found)).toContain('Bob Stone');
    expect(textOf(found)).not.toContain('ninety thousand');
    expect(JSON.stringify([listed, found])).not.toContain(SECRET_KEY);
  });

  it('answers 401 with no detail without a token, with a wrong one, and with the old one after "New token"', async () => {
    const view = await service.setEnabled(true);
    const url = view.url!;
    const wrong: Array<Record<string, string>> = [{}, { Authorization: 'Bearer wrong-token' }, { Authorization: `Basic ${view.token}` }];
    for (const headers of wrong) {
      const r = await raw(url, headers);
      expect(r.status).toBe(401);
      expect(r.body).toBe('Unauthorized');
    }
    await expect(sdkClient(url, null)).rejects.toThrow();
    await expect(sdkClient(url, 'vxc_not-the-token')).rejects.toThrow();

    const renewed = await service.renewToken();
    expect(renewed.token).not.toBe(view.token);
    expect(renewed.url).toBe(url);
    expect((await raw(url, { Authorization: `Bearer ${view.token}` })).status).toBe(401);
    await expect(sdkClient(url, view.token)).rejects.toThrow();
    const client = await sdkClient(url, renewed.token);
    open.push(client);
    expect(textOf(await call(client, 'list_meetings'))).toContain('Budget planning');
    // Both tokens are known to the logger's redaction.
    expect(logger.secrets).toEqual(expect.arrayContaining([view.token, renewed.token]));
  });

  it('refuses a request naming another host or sent by another site’s page (DNS rebinding), even with the token', async () => {
    const { url, token } = await service.setEnabled(true);
    const auth = { Authorization: `Bearer ${token}` };
    expect((await raw(url!, { ...auth, Host: `evil.example:${basePort}` })).status).toBe(403);
    expect((await raw(url!, { ...auth, Host: 'rebind.attacker.test' })).status).toBe(403);
    expect((await raw(url!, { ...auth, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw(url!, { ...auth, Origin: 'null' })).status).toBe(403);
    expect((await raw(url!, { ...auth, Host: `localhost:${basePort}` })).status).toBe(200);
    expect((await raw(url!, { ...auth, Origin: `http://127.0.0.1:${basePort}` })).status).toBe(200);
    expect((await raw(url!, auth, 'GET')).status).toBe(405);
  });

  it('is not reachable from this computer’s other addresses', async () => {
    await service.setEnabled(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    // Linux routes all of 127/8 to the loopback: a server on every interface answers 127.0.0.2 too.
    if (process.platform === 'linux') others.push('127.0.0.2');
    expect(others.length).toBeGreaterThan(0);
    for (const address of others)
      await expect(raw(`http://${address}:${basePort}/mcp`, { Host: `127.0.0.1:${basePort}` })).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
  });

  it('reads only the servers shared at each request: an unticked server is gone at the next call', async () => {
    const { url, token } = await service.setEnabled(true);
    const client = await sdkClient(url!, token);
    open.push(client);
    expect((await call(client, 'get_meeting', { meetingId: ids.hidden })).isError).toBe(true);
    exposed = [ACME, HIDDEN];
    expect(textOf(await call(client, 'get_meeting', { meetingId: ids.hidden }))).toContain('Private budget review');
    exposed = [HIDDEN];
    const planning = await call(client, 'get_meeting', { meetingId: ids.planning });
    expect(planning.isError).toBe(true);
    expect(textOf(planning)).not.toContain('Budget planning');
  });

  it('stops when turned off, keeps its token in an owner-only private file, and serves again at the next start', async () => {
    const on = await service.setEnabled(true);
    const off = await service.setEnabled(false);
    expect(off).toMatchObject({ enabled: false, state: 'off', url: null, token: null });
    await expect(raw(on.url!, { Authorization: `Bearer ${on.token}` })).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const file = join(dir, MCP_HTTP_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(on.token!);

    await service.setEnabled(true);
    await service.close();
    service = make();
    const again = await service.start();
    expect(again).toMatchObject({ state: 'on', token: on.token, url: on.url });
    expect((await raw(on.url!, { Authorization: `Bearer ${on.token}` })).status).toBe(200);
    await service.close();
    await expect(raw(on.url!, { Authorization: `Bearer ${on.token}` })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('uses the next port when the first is taken, and says which', async () => {
    const squatter = createServer();
    open.push(squatter);
    await new Promise<void>((r) => squatter.listen(basePort, '127.0.0.1', r));
    const next = await freePort();
    service = make([basePort, next]);
    const view = await service.setEnabled(true);
    expect(view).toMatchObject({ state: 'on', port: next, defaultPort: basePort });
    const client = await sdkClient(view.url!, view.token);
    open.push(client);
    expect(textOf(await call(client, 'list_meetings'))).toContain('Budget planning');
  });
});
