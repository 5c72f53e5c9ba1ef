import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVexaClient, isVexaError } from '../../../electron/core/vexa';
import type { VexaClient } from '../../../electron/core/vexa';
import type { Simulator } from '../../../electron/simulator/index';
import { waitFor } from '../../support/waitFor';
import { call, KEY, sendBot, start, waitForStatus } from '../simulator/simHelpers';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver, as a person's own service would be; it answers 200 to everything. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/vexa`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The receiver's side of docs/docs/webhooks.mdx "Signature": HMAC-SHA256 over "<timestamp>." + raw body. */
function signatureValid(secret: string, r: Received): boolean {
  const ts = String(r.headers['x-webhook-timestamp'] ?? '');
  const given = String(r.headers['x-webhook-signature'] ?? '');
  const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
  return ts !== '' && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const SECRET = 'whsec-for-the-receiver-7f3a9';
const events = (list: Received[]) => list.map((r) => (JSON.parse(r.body) as { event_type: string }).event_type);

describe.each(['g1', 'g2', 'g3'] as const)('webhooks, profile %s', (profile) => {
  let sim: Simulator;
  let client: VexaClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    // The receiver runs on 127.0.0.1, an address a real G2 refuses (test/integration/simulator/webhookAddress.test.ts).
    sim = await start({ profile, allowPrivateWebhooks: true });
    receiver = await startReceiver();
    client = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: profile });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it('sets the webhook without ever echoing its secret; reads it back only where the server can', async () => {
    const raw = await call(sim, 'PUT', '/user/webhook', { body: { webhook_url: receiver.url, webhook_secret: 'an-earlier-secret-0000' } });
    expect(raw.status).toBe(200);
    expect(raw.text).not.toContain('an-earlier-secret-0000');
    const set = await client.setWebhook({ url: receiver.url, secret: SECRET });
    expect(set).toMatchObject({ url: receiver.url, secretSet: profile === 'g1' ? null : true });
    if (profile === 'g3') {
      const read = await client.getWebhook();
      expect(read).toEqual({ url: receiver.url, secretSet: true, maskedSecret: '********f3a9', events: null });
      expect((await call(sim, 'GET', '/user/webhook')).text).not.toContain(SECRET);
    } else {
      const e = await client.getWebhook().catch((x: unknown) => x);
      expect(isVexaError(e) && e.code).toBe('unsupported');
      expect(isVexaError(e) && e.userMessage).toMatch(/cannot show which webhook is set/);
      // G1/G2 gateways route /user/webhook for PUT only, and have no delivery log.
      expect(await call(sim, 'GET', '/user/webhook')).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
      expect((await call(sim, 'GET', '/user/webhook/deliveries')).status).toBe(404);
      await expect(client.webhookDeliveries()).rejects.toMatchObject({ code: 'unsupported' });
    }
  });

  it('delivers status changes and the completion to the receiver, signed where the generation signs', async () => {
    await client.setWebhook({ url: receiver.url, secret: SECRET });
    const before = receiver.received.length;
    const bot = await sendBot(sim, 'abc-defg-hij');
    await waitForStatus(sim, bot.body.id as number, 'completed');
    const got = await waitFor('the completion delivery', () => {
      const mine = receiver.received.slice(before);
      return events(mine).includes('meeting.completed') && mine;
    });
    expect(events(got)).toContain('meeting.status_change');
    const completed = got.find((r) => events([r])[0] === 'meeting.completed')!;
    expect(JSON.parse(completed.body)).toMatchObject({
      meeting: { id: bot.body.id, status: 'completed' },
      status_change: { to: 'completed' },
    });
    for (const r of got) {
      expect(r.headers['content-type']).toBe('application/json');
      if (profile === 'g3') {
        expect(signatureValid(SECRET, r)).toBe(true);
        expect(signatureValid('some-other-secret', r)).toBe(false);
      } else {
        expect(r.headers['x-webhook-signature']).toBeUndefined();
      }
      expect(r.headers.authorization).toBe(profile === 'g1' ? undefined : `Bearer ${SECRET}`);
    }
    if (profile === 'g3') {
      const log = await waitFor('the ledger to hold the completion', async () => {
        const d = await client.webhookDeliveries({ limit: 100 });
        return d.some((x) => x.eventType === 'meeting.completed') && d;
      });
      const done = log.find((d) => d.eventType === 'meeting.completed')!;
      expect(done).toMatchObject({ outcome: 'delivered', statusCode: 200, targetHost: '127.0.0.1', meetingId: bot.body.id });
      expect(done.createdAt).toEqual(expect.any(Number));
      // Newest first.
      expect(log.map((d) => d.createdAt!)).toEqual([...log.map((d) => d.createdAt!)].sort((a, b) => b - a));
      expect(JSON.stringify(log)).not.toContain(SECRET);
    }
  });

  it('clears the webhook: meetings while it is cleared deliver nothing', async () => {
    await client.clearWebhook();
    if (profile === 'g3') expect((await client.getWebhook()).url).toBeNull();
    const quiet = await sendBot(sim, 'klm-nopq-rst');
    await waitForStatus(sim, quiet.body.id as number, 'completed');
    // Set it again and wait for a later meeting's completion: a delivery for the quiet meeting
    // would have left before it, at that meeting's own status changes.
    await client.setWebhook({ url: receiver.url, secret: SECRET });
    const later = await sendBot(sim, 'uvw-xyza-bcd');
    await waitFor('the later meeting’s completion delivery', () =>
      receiver.received.some((r) => r.body.includes('"meeting.completed"') && JSON.parse(r.body).meeting.id === later.body.id),
    );
    expect(receiver.received.filter((r) => JSON.parse(r.body).meeting.id === quiet.body.id)).toEqual([]);
  });
});
