import { describe, expect, it } from 'vitest';
import { LinkInbox, MAX_WAITING_LINKS, type KnownServer } from '../../../electron/core/links/linkInbox';
import { resolveServer } from '../../../electron/core/links/resolveServer';
import type { Logger } from '../../../electron/core/ports';
import { joinDeepLink, meetingDeepLink } from '../../../shared/deepLink';

const CLOUD = 'https://api.cloud.vexa.ai';
const LAB = 'http://localhost:8056';
const LAB_TLS = 'https://lab.example:8443/vexa';

describe('which server a meeting link names', () => {
  const ids = [CLOUD, LAB, LAB_TLS, 'demo'];

  it('the id as the app writes it, or the same address in another case or with a trailing slash', () => {
    expect(resolveServer(CLOUD, ids)).toEqual({ ok: true, serverId: CLOUD });
    expect(resolveServer('demo', ids)).toEqual({ ok: true, serverId: 'demo' });
    expect(resolveServer('HTTPS://API.Cloud.vexa.ai/', ids)).toEqual({ ok: true, serverId: CLOUD });
    expect(resolveServer('https://lab.example:8443/vexa/', ids)).toEqual({ ok: true, serverId: LAB_TLS });
  });

  it('a bare host[:port] when exactly one known server is there', () => {
    expect(resolveServer('api.cloud.vexa.ai', ids)).toEqual({ ok: true, serverId: CLOUD });
    expect(resolveServer('localhost:8056', ids)).toEqual({ ok: true, serverId: LAB });
    expect(resolveServer('lab.example:8443', ids)).toEqual({ ok: true, serverId: LAB_TLS });
  });

  it('refuses a host two servers share, and names both', () => {
    expect(resolveServer('localhost:8056', [LAB, 'https://localhost:8056'])).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: [LAB, 'https://localhost:8056'],
    });
  });

  it('refuses what names no known server: another scheme, another port or path, a label, credentials', () => {
    for (const named of [
      'http://api.cloud.vexa.ai',
      'https://api.cloud.vexa.ai:444',
      'https://lab.example:8443',
      'localhost',
      'Lab',
      'My cloud',
      'user@api.cloud.vexa.ai',
      'https://user:pw@api.cloud.vexa.ai',
      'api.cloud.vexa.ai/other',
      'javascript:alert(1)',
    ])
      expect(resolveServer(named, ids).ok, named).toBe(false);
  });
});

interface Logged {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

function inbox(servers: KnownServer[] | Error, library: Record<string, number>) {
  const logged: Logged[] = [];
  const announced: number[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void =>
      void logged.push({ level, message, ...(fields ? { fields } : {}) });
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    addSecret() {},
    redact: (t) => t,
    close: async () => {},
  };
  const box = new LinkInbox({
    knownServers: async () => {
      if (servers instanceof Error) throw servers;
      return servers;
    },
    libraryMeeting: async (serverId, remoteId) => library[`${serverId} ${remoteId}`] ?? null,
    announce: (n) => announced.push(n),
    logger,
  });
  return { box, logged, announced };
}

const SERVERS: KnownServer[] = [
  { id: CLOUD, label: 'Cloud' },
  { id: LAB, label: 'Lab' },
];

describe('the link inbox', () => {
  it('opens the meeting of the server the link names, when two servers both have meeting 7', async () => {
    const { box } = inbox(SERVERS, { [`${CLOUD} 7`]: 101, [`${LAB} 7`]: 202 });
    expect(await box.open(meetingDeepLink(LAB, 7))).toEqual({ kind: 'meeting', serverId: LAB, meetingId: 202, remoteId: 7 });
    expect(await box.open(meetingDeepLink(CLOUD, 7))).toEqual({ kind: 'meeting', serverId: CLOUD, meetingId: 101, remoteId: 7 });
    expect(await box.open('vexa://meeting/localhost:8056/7')).toMatchObject({ serverId: LAB, meetingId: 202 });
  });

  it('keeps requests until the window takes them, in the order links came, each handed out once', async () => {
    const { box, announced } = inbox(SERVERS, { [`${LAB} 7`]: 202 });
    void box.open(meetingDeepLink(LAB, 7));
    void box.open(joinDeepLink('https://meet.google.com/abc-defg-hij'));
    await box.open('vexa://nothing');
    expect(box.take().map((r) => r.kind)).toEqual(['meeting', 'join', 'refused']);
    expect(box.take()).toEqual([]);
    expect(announced).toEqual([1, 2, 3]);
  });

  it('keeps only the newest few when a page opens links in a loop', async () => {
    const { box } = inbox(SERVERS, {});
    for (let i = 0; i < 50; i++) void box.open(joinDeepLink(`https://meet.google.com/abc-defg-hi${String.fromCharCode(97 + (i % 26))}`));
    await box.open(joinDeepLink('https://meet.google.com/zzz-zzzz-zzz'));
    const taken = box.take();
    expect(taken).toHaveLength(MAX_WAITING_LINKS);
    expect(taken.at(-1)).toEqual({ kind: 'join', link: 'https://meet.google.com/zzz-zzzz-zzz' });
  });

  it('refuses, with a sentence naming what is wrong, a meeting not in the library, an unknown or ambiguous server, a malformed link', async () => {
    const { box } = inbox([...SERVERS, { id: 'https://localhost:8056', label: 'Lab TLS' }], {});
    const missing = await box.open(meetingDeepLink(LAB, 9));
    expect(missing).toEqual({ kind: 'refused', message: expect.stringMatching(/^Meeting 9 of Lab is not in the library/) });
    const unknown = await box.open(meetingDeepLink('https://elsewhere.example', 1));
    expect(unknown).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/server Vexa Companion does not know: “https:\/\/elsewhere\.example”/),
    });
    const ambiguous = await box.open('vexa://meeting/localhost:8056/1');
    expect(ambiguous).toEqual({ kind: 'refused', message: expect.stringContaining('(Lab, Lab TLS)') });
    const broken = await box.open('vexa://join?url=%zz');
    expect(broken).toEqual({ kind: 'refused', message: expect.stringMatching(/damaged/) });
  });

  it('logs each link without its path or query, whatever it carries', async () => {
    const key = 'vxa_tx_5ecret5ecret5ecret5ecret';
    const { box, logged } = inbox(SERVERS, {});
    await box.open(`vexa://join?url=https://meet.google.com/abc-defg-hij&key=${key}`);
    await box.open(`vexa://meeting/${key}/1`);
    await box.open(`vexa://${key}`);
    expect(JSON.stringify(logged)).not.toContain(key);
    expect(logged.map((l) => [l.level, l.message, l.fields?.action, l.fields?.reason])).toEqual([
      ['info', 'Opened a link', 'join', undefined],
      ['warn', 'Refused a link', 'meeting', 'not-found'],
      ['warn', 'Refused a link', 'other', 'unknown_action'],
    ]);
  });

  it('a failure while checking becomes a refusal the window shows, and the inbox keeps working', async () => {
    const { box: failing, logged } = inbox(new Error('database is locked'), {});
    expect(await failing.open(meetingDeepLink(LAB, 1))).toEqual({
      kind: 'refused',
      message: expect.stringMatching(/could not open that link/),
    });
    expect(await failing.open(joinDeepLink('https://meet.google.com/abc-defg-hij'))).toMatchObject({ kind: 'join' });
    expect(logged.some((l) => l.level === 'error' && l.message === 'Could not open a link')).toBe(true);
  });
});
