import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function setup(profile: 'g1' | 'g2' | 'g3') {
  const app = await launchApp({ profile });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  const meeting = must(await ipc.invoke('meetings:list')).find((m) => m.status === 'completed' && m.nativeMeetingId);
  if (!meeting) throw new Error('the demo library has no completed meeting');
  const ref = { meetingId: meeting.id, platform: meeting.platform, nativeMeetingId: meeting.nativeMeetingId!, name: meeting.name };
  return { app, ipc, ref };
}

describe.each(['g1', 'g2', 'g3'] as const)('export and share on %s', (profile) => {
  it('previews, downloads and copies a transcript', async () => {
    const { app, ipc, ref } = await setup(profile);
    const preview = must(await ipc.invoke('export:preview', { ref, format: 'txt' })).text;
    expect(preview.split('\n')[0]).toBe('MEETING TRANSCRIPT');
    expect(preview.split('\n').length).toBeLessThanOrEqual(12);

    const saved = must(await ipc.invoke('export:save', { ref, format: 'srt' }));
    expect(saved.mode).toBe('download');
    if (saved.mode !== 'download') return;
    expect(saved.fileName).toMatch(new RegExp(`^${ref.name} \\d{4}-\\d{2}-\\d{2}\\.srt$`));
    expect(Buffer.from(saved.base64, 'base64').toString('utf8')).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> /);

    const pdf = must(await ipc.invoke('export:save', { ref, format: 'pdf' }));
    expect(pdf.mode === 'download' && Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    must(await ipc.invoke('export:copy', { ref, as: 'markdown' }));
    expect(await app.ports.clipboard.readText()).toMatch(/^# /);
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
