import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

const apps: LaunchedApp[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
  while (simulators.length) await simulators.pop()!.close();
});

async function setup(profile: 'g1' | 'g2' | 'g3') {
  const app = await launchApp({ profile });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  must(await ipc.invoke('library:sync', {}));
  const meeting = must(await ipc.invoke('library:list', {})).find((m) => m.status === 'completed' && m.nativeMeetingId);
  if (!meeting) throw new Error('the demo library has no completed meeting');
  const ref = { meetingId: meeting.remoteId, platform: meeting.platform, nativeMeetingId: meeting.nativeMeetingId! };
  return { app, ipc, ref, name: meeting.name };
}

describe.each(['g1', 'g2', 'g3'] as const)('export and share on %s', (profile) => {
  it('previews, downloads and copies a transcript', async () => {
    const { app, ipc, ref, name } = await setup(profile);
    const preview = must(await ipc.invoke('export:preview', { ref, format: 'txt' })).text;
    expect(preview.split('\n')[0]).toBe('MEETING TRANSCRIPT');
    // A short look: the header and the first lines of what was said, not the whole meeting.
    expect(preview.split('\n').length).toBeLessThanOrEqual(20);
    expect(preview).toMatch(/^\[[^\]]+\] [^:]+: \S/m);

    const saved = must(await ipc.invoke('export:save', { ref, format: 'srt' }));
    expect(saved.mode).toBe('download');
    if (saved.mode !== 'download') return;
    expect(saved.fileName).toMatch(new RegExp(`^${name} \\d{4}-\\d{2}-\\d{2}\\.srt$`));
    expect(Buffer.from(saved.base64, 'base64').toString('utf8')).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> /);

    const pdf = must(await ipc.invoke('export:save', { ref, format: 'pdf' }));
    expect(pdf.mode === 'download' && Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    must(await ipc.invoke('export:copy', { ref, as: 'markdown' }));
    expect(await app.ports.clipboard.readText()).toMatch(/^# /);
    ipc.close();
  });

  it('explains an export it cannot make in the exporter’s own words', async () => {
    const { ipc, ref } = await setup(profile);
    const r = await ipc.invoke('export:preview', { ref, format: 'txt', options: { timeZone: 'Mars/Olympus_Mons' } });
    expect(r).toMatchObject({ ok: false, code: 'invalid_option' });
    expect(JSON.stringify(r)).toContain('is not a time zone this computer knows');
    ipc.close();
  });

  it('shares the way the server generation can, and hands off to an AI tool', async () => {
    const { app, ipc, ref } = await setup(profile);
    const link = must(await ipc.invoke('share:create', { ref, ttlSeconds: 600 }));
    const handoff = must(await ipc.invoke('handoff:open', { ref, tool: 'chatgpt' }));
    if (profile === 'g3') {
      expect(link.kind).toBe('capability-token');
      expect(handoff.mode).toBe('clipboard');
      expect(await app.ports.clipboard.readText()).toMatch(/^MEETING TRANSCRIPT/);
    } else {
      expect(link.kind).toBe('public-url');
      if (link.kind !== 'public-url') return;
      const text = await (await fetch(link.url)).text();
      expect(text.startsWith('MEETING TRANSCRIPT')).toBe(true);
      expect(handoff.mode).toBe('link');
      expect(decodeURIComponent(handoff.url)).toContain('/public/transcripts/');
    }
    expect(app.ports.opener.opened).toEqual([handoff.url]);
    expect(handoff.url.startsWith('https://chatgpt.com/?hints=search&q=')).toBe(true);
    ipc.close();
  });
});

describe('a library meeting of a server that is not connected', () => {
  it('exports and copies from the cache, and sharing it asks for its server', async () => {
    const { app, ipc } = await setup('g2');
    must(await ipc.invoke('library:sync', { full: true }));
    let cached: Array<{ serverId: string; remoteId: number; platform: string; nativeMeetingId: string | null }> = [];
    await waitFor('a transcript downloaded into the library', async () => {
      cached = must(await ipc.invoke('library:list', {})).filter((m) => m.transcript === 'complete' && m.nativeMeetingId);
      return cached.length > 0;
    });
    const first = cached[0]!;
    const ref = {
      meetingId: first.remoteId,
      platform: first.platform,
      nativeMeetingId: first.nativeMeetingId!,
      serverId: first.serverId,
    };

    // Another server, with a meeting of the same row id, becomes the current one; the first is disconnected.
    const other = await startSimulator({ profile: 'g2', port: 0, apiKeys: [app.apiKey], seed: true });
    simulators.push(other);
    const view = must(await ipc.invoke('connection:connect', { url: other.url, apiKey: app.apiKey }));
    expect(view.server?.id).not.toBe(first.serverId);
    expect(must(await ipc.invoke('servers:disconnect', { serverId: first.serverId })).status).toBe('disconnected');

    const saved = must(await ipc.invoke('export:save', { ref, format: 'md' }));
    expect(saved.mode).toBe('download');
    if (saved.mode !== 'download') return;
    const markdown = Buffer.from(saved.base64, 'base64').toString('utf8');
    const detail = must(
      await ipc.invoke('library:open', {
        id: must(await ipc.invoke('library:list', {})).find((m) => m.serverId === first.serverId && m.remoteId === first.remoteId)!.id,
      }),
    );
    // The file holds this meeting's words, read from the cache, not the connected server's meeting.
    for (const seg of detail.segments.slice(0, 3)) expect(markdown).toContain(seg.text.trim().split(' ')[0]!);

    must(await ipc.invoke('export:copy', { ref, as: 'text' }));
    expect(await app.ports.clipboard.readText()).toMatch(/^MEETING TRANSCRIPT/);

    const share = await ipc.invoke('share:create', { ref, ttlSeconds: 600 });
    expect(share).toMatchObject({ ok: false, code: 'not_connected' });
    if (share.ok) return;
    // It names the server and says how to reconnect it.
    expect(share.message).toMatch(new RegExp(`${new URL(first.serverId).host} is not connected\\. Reconnect it`));

    // Hand-off goes through the clipboard: no public link can be made for it.
    const handoff = must(await ipc.invoke('handoff:open', { ref, tool: 'claude' }));
    expect(handoff.mode).toBe('clipboard');
    expect(app.ports.opener.opened).toEqual([handoff.url]);
    ipc.close();
  });
});
