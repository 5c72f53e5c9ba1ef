import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';
import { exportRef } from '../../../renderer/features/library/describe';

// A server takes any meeting name (G1/G2 PATCH /meetings/{platform}/{id} has no length limit), so
// the window's requests about a meeting must not carry its name: the reference the window builds
// holds ids only and the core looks the name up. Built here with the window's own function.

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const LONG_NAME = `Quarterly planning ${'with every team lead and the whole roadmap '.repeat(14)}`.slice(0, 600);

describe.each(['g1', 'g2'] as const)('a meeting the server names with 600 characters on %s', (profile) => {
  it('previews, exports, copies, shares and hands off like any other', async () => {
    const app = await launchApp({ profile });
    apps.push(app);
    const ipc = await connectIpc(app.url);
    const view = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const renamed = await fetch(`${app.simulatorUrl}/meetings/google_meet/kqv-mzrp-tdx`, {
      method: 'PATCH',
      headers: { 'X-API-Key': app.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { name: LONG_NAME } }),
    });
    expect(renamed.status).toBe(200);
    must(await ipc.invoke('library:sync', { full: true }));
    const row = must(await ipc.invoke('library:list', {})).find((m) => m.name === LONG_NAME);
    expect(row?.name).toHaveLength(600);
    const ref = exportRef(row!, view.server!.id);
    expect(ref).not.toBeNull();

    const preview = must(await ipc.invoke('export:preview', { ref: ref!, format: 'txt' }));
    expect(preview.text.split('\n')[0]).toBe('MEETING TRANSCRIPT');

    const saved = must(await ipc.invoke('export:save', { ref: ref!, format: 'md' }));
    expect(saved.mode).toBe('download');
    if (saved.mode !== 'download') return;
    // The file is named after the meeting, shortened to a name every file system takes.
    expect(saved.fileName.startsWith(LONG_NAME.slice(0, 100))).toBe(true);
    expect(saved.fileName).toMatch(/ \d{4}-\d{2}-\d{2}\.md$/);
    expect(Buffer.from(saved.base64, 'base64').toString('utf8').startsWith(`# ${LONG_NAME}`)).toBe(true);

    must(await ipc.invoke('export:copy', { ref: ref!, as: 'markdown' }));
    expect(await app.ports.clipboard.readText()).toMatch(new RegExp(`^# ${LONG_NAME}\n`));

    const link = must(await ipc.invoke('share:create', { ref: ref!, ttlSeconds: 600 }));
    expect(link.kind).toBe('public-url');
    const handoff = must(await ipc.invoke('handoff:open', { ref: ref!, tool: 'claude' }));
    expect(handoff.mode).toBe('link');
    expect(app.ports.opener.opened).toEqual([handoff.url]);
    ipc.close();
  });
});
