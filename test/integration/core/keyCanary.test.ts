import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';

/** Every file under a folder, recursively, as raw bytes. */
function allFiles(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [{ path: p, bytes: readFileSync(p) }];
  });
}

describe('API key canary', () => {
  it('a unique key never reaches the renderer, the logs, the cache or the settings', async () => {
    const canary = `vxa_tx_CANARY${Date.now().toString(36)}ZZ${Math.random().toString(36).slice(2, 12)}`;
    const app = await launchApp({ profile: 'g3', apiKey: canary });
    const ipc = await connectIpc(app.url);

    // A full flow: probe, connect, use, re-check, mistakes, settings, disconnect, reconnect.
    must(await ipc.invoke('connection:probe', { url: app.simulatorUrl, apiKey: canary }));
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: `  ${canary}  ` }));
    must(await ipc.invoke('bots:refresh'));
    must(await ipc.invoke('connection:recheck'));
    must(await ipc.invoke('settings:update', { theme: 'dark' }));
    await ipc.invoke('connection:connect', { url: 'http://api.cloud.vexa.ai', apiKey: canary });
    await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: `${canary}x` });
    await ipc.raw('connection:connect', { url: app.simulatorUrl, apiKey: canary, extra: canary });
    await ipc.invoke('app:reportError', { message: `renderer crashed near ${canary}` });
    app.simulator.setFault({ status: 500, body: `{"detail":"upstream said ${canary}"}`, contentType: 'application/json', count: 1 });
    await ipc.invoke('bots:refresh');
    must(await ipc.invoke('connection:disconnect'));
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: canary }));
    must(await ipc.invoke('app:getState'));
    ipc.close();
    await app.close({ keepData: true });

    expect(app.outgoing.length).toBeGreaterThan(10);
    const leaked = app.outgoing.filter((f) => f.includes(canary) || f.includes(canary.slice(7, 30)));
    expect(leaked).toEqual([]);

    const files = allFiles(app.dataDir);
    expect(files.map((f) => f.path).some((p) => p.endsWith('cache.sqlite'))).toBe(true);
    expect(files.map((f) => f.path).some((p) => p.endsWith('companion.log'))).toBe(true);
    for (const f of files) {
      expect(f.bytes.includes(canary), f.path).toBe(false);
      expect(f.bytes.includes(Buffer.from(canary, 'utf16le')), f.path).toBe(false);
    }
  });
});
