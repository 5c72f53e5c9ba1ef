import { createHmac } from 'node:crypto';
import type { MintedToken } from '../../../shared/vexa';
import { describe, expect, it } from 'vitest';
import { accountInfo, featuresFor, scopeRefusal } from '../../../electron/core/admin/account';
import { adminUrlHint, offersFor } from '../../../electron/core/admin/adminAccess';
import { MINTED_TTL_MS, MintedTokens } from '../../../electron/core/admin/mintedTokens';
import { deliveryView, emailProblem, matchesFilter, prefixScope, toTokenView, webhookUrlProblem } from '../../../electron/core/admin/views';
import { signLike } from '../../../electron/core/admin/webhooks';

describe('admin console decisions', () => {
  it('offers per generation what its admin API has (vexa-server-behaviour.md §7)', () => {
    expect(offersFor('g1')).toMatchObject({ listUsers: true, tokenScopes: false, webhookDeliveries: false });
    expect(offersFor('g2')).toMatchObject({ listUsers: true, tokenScopes: true, updatableFields: ['name', 'maxConcurrentBots'] });
    expect(offersFor('g3')).toMatchObject({ listUsers: false, updatableFields: ['maxConcurrentBots'], webhookDeliveries: true });
  });

  it("hints G3's admin address on the API's host, IPv6 included", () => {
    expect(adminUrlHint('https://vexa.example.com')).toBe('https://vexa.example.com:18057');
    expect(adminUrlHint('http://[::1]:8056')).toBe('http://[::1]:18057');
  });

  it('never lets a token value through to a view, even from a freshly minted token', () => {
    const minted: MintedToken = {
      id: '7',
      userId: '1',
      value: 'vxa_bot_abcdefghijklmnopqrstuvwxyz123456',
      maskedValue: 'vxa_bot_…3456',
      scopes: ['bot'],
      name: null,
      createdAt: null,
      lastUsedAt: null,
      expiresAt: null,
    };
    const view = toTokenView(minted);
    expect(JSON.stringify(view)).not.toContain('abcdefgh');
    expect(view).toEqual({
      id: '7',
      masked: 'vxa_bot_…3456',
      scopes: ['bot'],
      name: null,
      createdAt: null,
      lastUsedAt: null,
      expiresAt: null,
    });
  });

  it('filters a page by email or name, ignoring case and spaces around', () => {
    const u = { id: '1', email: 'Ada@Example.com', name: 'Ada Lovelace', maxConcurrentBots: 1, createdAt: null };
    expect(matchesFilter(u, ' ada@ex ')).toBe(true);
    expect(matchesFilter(u, 'LOVE')).toBe(true);
    expect(matchesFilter(u, 'bob')).toBe(false);
    expect(matchesFilter(u, '')).toBe(true);
  });

  it('says what is wrong with an email address', () => {
    expect(emailProblem('ada@example.com')).toBeNull();
    expect(emailProblem('')).toMatch(/Enter an email/);
    expect(emailProblem('ada @example.com')).toMatch(/no spaces/);
    expect(emailProblem('ada@example')).toMatch(/not an email address/);
  });

  it("reads a G3 key's scope from its prefix", () => {
    expect(prefixScope('vxa_tx_abc')).toBe('tx');
    expect(prefixScope(' vxa_browser_abc')).toBe('browser');
    expect(prefixScope('vxa_admin_abc')).toBeNull();
    expect(prefixScope('abcdef')).toBeNull();
  });

  it('lists what a key unlocks: per scope on G2/G3, everything on G1, unknown when nobody says', () => {
    const g3 = Object.fromEntries(featuresFor('g3', ['bot']).map((f) => [f.feature, f.allowed]));
    expect(g3).toEqual({ bots: true, meetings: false, transcripts: false, recordings: true, webhooks: true, browser: false });
    expect(featuresFor('g1', null).every((f) => f.allowed === true && f.needs.length === 0)).toBe(true);
    expect(featuresFor('g2', null).every((f) => f.allowed === null)).toBe(true);
    const info = accountInfo({ generation: 'g3', keyLabel: 'vxa_bot_••••abcd', key: 'vxa_bot_xyz', me: null, meError: null });
    expect(info).toMatchObject({ source: 'prefix', scopes: ['bot'], prefixScope: 'bot' });
    expect(info.notes.join(' ')).toMatch(/cannot read their transcripts/);
  });

  it('adds what the key has to a scope refusal', () => {
    expect(scopeRefusal('It lacks the "tx" scope.', ['bot'])).toBe('It lacks the "tx" scope. This key has bot (send bots).');
    expect(scopeRefusal('x.', ['bot', 'browser'])).toBe('x. This key has bot (send bots) and browser (browser sessions).');
    expect(scopeRefusal('x.', null)).toBe('x.');
    const said = 'Refused. This key can send and stop bots, but cannot read meetings.';
    expect(scopeRefusal(said, ['bot'])).toBe(said);
  });

  it('keeps a minted value for ten minutes, for its server, until the app connected with it', () => {
    let now = 1_000;
    const minted = new MintedTokens(() => now);
    const a = minted.keep('value-a', 'server-1', ['bot', 'tx']);
    expect(a.expiresAt).toBe(1_000 + MINTED_TTL_MS);
    expect(minted.peek(a.handle, 'server-2')).toBeNull();
    // A connection that failed (no keychain, say) leaves the handle for the retry.
    expect(minted.peek(a.handle, 'server-1')).toEqual({ value: 'value-a', scopes: ['bot', 'tx'] });
    expect(minted.peek(a.handle, 'server-1')).toEqual({ value: 'value-a', scopes: ['bot', 'tx'] });
    minted.used(a.handle);
    expect(minted.peek(a.handle, 'server-1')).toBeNull();
    const c = minted.keep('value-c', 'server-1', null);
    now += MINTED_TTL_MS;
    expect(minted.peek(c.handle, 'server-1')).toBeNull();
    minted.clear();
  });

  it('signs a test event as each generation signs deliveries', () => {
    const body = '{"event_type":"meeting.status_change"}';
    expect(signLike('g1', 's3cret', body, 1700000000)).toEqual({ 'content-type': 'application/json' });
    expect(signLike('g2', 's3cret', body, 1700000000)).toEqual({ 'content-type': 'application/json', authorization: 'Bearer s3cret' });
    const g3 = signLike('g3', 's3cret', body, 1700000000);
    expect(g3['x-webhook-timestamp']).toBe('1700000000');
    expect(g3['x-webhook-signature']).toBe(`sha256=${createHmac('sha256', 's3cret').update(`1700000000.${body}`).digest('hex')}`);
    expect(signLike('g3', null, body, 1)).toEqual({ 'content-type': 'application/json' });
  });

  it('lists a delivery attempt with its outcome, and checks a webhook address', () => {
    const base = {
      eventType: 'meeting.completed',
      eventId: 'evt_1',
      targetHost: 'x.example',
      statusCode: 500,
      attempt: 2,
      createdAt: 5,
      meetingId: 9,
    };
    expect(deliveryView({ ...base, outcome: 'failed' }, 0)).toEqual({
      id: 'evt_1#2',
      event: 'meeting.completed',
      status: 500,
      ok: false,
      at: 5,
      error: 'failed',
    });
    expect(deliveryView({ ...base, eventId: null, outcome: 'delivered', statusCode: 200 }, 3)).toMatchObject({
      id: '3',
      ok: true,
      error: null,
    });
    expect(webhookUrlProblem('https://example.com/hook')).toBeNull();
    expect(webhookUrlProblem('ftp://example.com')).toMatch(/https:\/\//);
    expect(webhookUrlProblem('https://u:p@example.com')).toMatch(/user name and password/);
    expect(webhookUrlProblem('not a url')).toMatch(/not a web address/);
  });
});
