import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { createCore } from '../../../electron/core/createCore';
import { createFileLogger } from '../../../electron/core/logger';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { createHarnessPorts } from '../../../electron/harness/harnessPorts';
import { NOTHING_SHARED } from '../../../electron/mcp/scope';
import { waitFor } from '../../support/waitFor';
import { ACME, buildDataFolder, textOf } from './libraryFixture';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function startCore(dataDir: string, port: number): Promise<Core> {
  const logger = createFileLogger({ dir: join(dataDir, 'logs') });
  return createCore({
    transport: 'web',
    version: '0.0.0-test',
    os: process.platform,
    paths: { data: dataDir, logs: join(dataDir, 'logs') },
    secrets: createMemorySecretStore(),
    logger,
    mcpHttpPorts: [port],
    ...createHarnessPorts({ logger, launchBrowser: false }),
  });
}

const refused = (url: string) =>
  fetch(url, { method: 'POST' }).then(
    () => false,
    () => true,
  );

describe('the library over HTTP as the app runs it (the core’s hook)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('serves once turned on, follows Settings’ shared servers, and stops when the app closes or quits at once', async () => {
    const { dir, lib } = await buildDataFolder([ACME]);
    cleanups.push(() => lib.close());
    const port = await freePort();
    let core = await startCore(dir, port);
    cleanups.push(() => core.close());
    expect(await core.handlers['mcp:http:get'](undefined)).toMatchObject({ enabled: false, state: 'off' });
    const on = await core.handlers['mcp:http:set']({ enabled: true });
    expect(on).toMatchObject({ state: 'on', url: `http://127.0.0.1:${port}/mcp` });

    const client = new Client({ name: 'core-http-client', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(on.url!), { requestInit: { headers: { Authorization: `Bearer ${on.token}` } } }),
    );
    cleanups.push(() => client.close());
    const list = () => client.callTool({ name: 'list_meetings', arguments: {} }) as Promise<CallToolResult>;
    expect(textOf(await list())).toContain('Budget planning');
    // Unticked in Settings: the next request reads nothing.
    await core.handlers['mcp:setExposed']({ serverIds: [] });
    const none = await list();
    expect(none.isError).toBe(true);
    expect(textOf(none)).toBe(NOTHING_SHARED);

    await core.close();
    expect(await refused(on.url!)).toBe(true);

    // Still on at the next start; the OS ending the session (closeNow) stops it too.
    core = await startCore(dir, port);
    await waitFor('the HTTP server back on at start', async () => (await core.handlers['mcp:http:get'](undefined)).state === 'on');
    expect(await refused(on.url!)).toBe(false);
    core.closeNow();
    await waitFor('the HTTP server stopped by closeNow', () => refused(on.url!));
  });
});
