import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, parseChannelInput, type ChannelName } from '../../../shared/ipc/contract';
import { SettingsSchema } from '../../../shared/ipc/models';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings';
import type { Result } from '../../../shared/ipc/result';
import { launchApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { mulberry32, pick, runSeed } from '../../support/random';
import { waitFor } from '../../support/waitFor';
import {
  boundsOf,
  elementOf,
  fieldsOf,
  kindOf,
  objectPaths,
  unwrap,
  validSample,
  withField,
  type FieldHints,
} from '../../support/zodSamples';

/**
 * Every channel of the contract, fuzzed from a valid input: one field at a time is replaced by a
 * hostile value of the right type (ids out of range, huge and odd strings, numbers at the edges)
 * or a value of the wrong type, an unknown key is slipped into each object, and a real
 * `__proto__` key is written into the JSON text. The contract's own schema says which inputs are
 * valid; the app must answer every request with a result or a typed error (never "Something went
 * wrong inside the app"), reject every invalid one as invalid, keep serving, and leave
 * `Object.prototype` alone.
 */

const seed = runSeed('IPC_FUZZ_SEED');
const rand = mulberry32(seed.seed);

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);
const deepObject = (depth: number): unknown => (depth === 0 ? {} : { a: deepObject(depth - 1) });

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202Eevil\u202C',
  '\uD800',
  '😀'.repeat(50),
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\cmd.exe',
  'javascript:alert(1)',
  'https://meet.google.com/qqq-rrrr-sss&calc.exe',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE meetings; --",
  '"NEAR(* OR AND NOT',
  '__proto__',
  'constructor',
  '%s%n%x',
  '${process.exit()}',
];

/** Values that found a bug once: every run sends them (test/unit/ipc/dispatch.test.ts pins the fix). */
const FOUND: unknown[] = ['\uD800'];

/** Values of the same JSON type as the field that a careless handler might mishandle. */
function hostileValues(schema: z.ZodType): unknown[] {
  const kind = kindOf(schema);
  const { min, max, int } = boundsOf(unwrap(schema));
  if (kind === 'string') {
    const long = max ?? 100_000;
    return [...HOSTILE_STRINGS, 'x'.repeat(long), 'x'.repeat(long + 1), '\u202E'.repeat(Math.min(long, 5000))];
  }
  if (kind === 'number') {
    const edges = [0, -1, -(2 ** 31), 2 ** 31, MAX_SAFE, -MAX_SAFE, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 0.5, -0];
    if (min !== undefined) edges.push(min, min - 1);
    if (max !== undefined) edges.push(max, max + 1);
    if (!int) edges.push(Date.now(), -Date.now());
    return edges;
  }
  if (kind === 'array') {
    const item = validSample(elementOf(schema), rand);
    return [[], Array.from({ length: max ?? 10_000 }, () => item), Array.from({ length: (max ?? 10_000) + 1 }, () => item)];
  }
  if (kind === 'enum') return ['', 'DARK', '__proto__', 'constructor'];
  if (kind === 'boolean') return [true, false];
  if (kind === 'object' || kind === 'record') return [{}];
  return [];
}

const WRONG_TYPES: unknown[] = [null, true, 7, 'text', [], {}, [1, 'two'], deepArray(3000), deepObject(3000)];

interface Case {
  what: string;
  send(ipc: IpcTestClient): Promise<Result<unknown>>;
  /** `valid`: the app must serve it (a result or a typed error); `invalid`: it must refuse it as invalid. */
  expect: 'valid' | 'invalid';
}

const PROTO_MARK = '"__fuzz_proto__"';

function casesFor(name: ChannelName, sample: unknown): Case[] {
  const schema = channels[name].input as z.ZodType;
  const judged = (input: unknown): 'valid' | 'invalid' => {
    const wire: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
    return parseChannelInput(name, wire).success ? 'valid' : 'invalid';
  };
  const sendValue = (input: unknown) => (ipc: IpcTestClient) => ipc.raw(name, input);
  const cases: Case[] = [{ what: 'the valid input', send: sendValue(sample), expect: 'valid' }];
  for (const wrong of [...WRONG_TYPES, 'x'.repeat(100_000)]) {
    cases.push({ what: `the whole input ${show(wrong)}`, send: sendValue(wrong), expect: judged(wrong) });
  }
  for (const field of fieldsOf(schema, sample)) {
    const at = field.path.join('.');
    const hostile = hostileValues(field.schema);
    // Every edge value is cheap to judge but some reach the network or an export; a seeded
    // selection keeps the run short while every run tries others (IPC_FUZZ_RATE=1 sends them all).
    const chosen = hostile.filter((v) => FOUND.includes(v) || rand() < Number(process.env.IPC_FUZZ_RATE ?? 0.6));
    for (const value of [...chosen, ...WRONG_TYPES, undefined]) {
      const input = withField(sample, field.path, value);
      cases.push({ what: `${at} = ${show(value)}`, send: sendValue(input), expect: judged(input) });
    }
    if (kindOf(field.schema) === 'number') {
      // JSON has no Infinity, but its text does: `1e999` parses to it.
      const text = (id: number) =>
        JSON.stringify({ id, channel: name, input: withField(sample, field.path, 424242.5) }).replace('424242.5', '1e999');
      cases.push({ what: `${at} = 1e999 (Infinity in the JSON text)`, send: (ipc) => ipc.rawText(text), expect: 'invalid' });
    }
  }
  for (const path of objectPaths(schema, sample)) {
    const at = path.length ? path.join('.') : 'the input';
    // Every object of the contract is strict: a key the contract does not name is refused.
    const extra = withField(sample, [...path, 'zzzUnknown'], 1);
    cases.push({ what: `unknown key in ${at}`, send: sendValue(extra), expect: 'invalid' });
    const ctor = withField(sample, [...path, 'constructor'], { prototype: { polluted: 'yes' } });
    cases.push({ what: `constructor.prototype in ${at}`, send: sendValue(ctor), expect: 'invalid' });
    // A literal `{ __proto__: … }` in code sets the prototype and vanishes from JSON; the key
    // only survives when written into the text, as a hostile page would.
    const marked = withField(sample, [...path, '__fuzz_proto__'], { polluted: 'yes', isAdmin: true });
    const text = (id: number) => JSON.stringify({ id, channel: name, input: marked }).replace(PROTO_MARK, '"__proto__"');
    cases.push({ what: `__proto__ key in ${at} (JSON text)`, send: (ipc) => ipc.rawText(text), expect: 'invalid' });
  }
  cases.push({
    what: '__proto__ at the top of the frame',
    send: (ipc) =>
      ipc.rawText(
        (id) => `{"__proto__":{"polluted":"yes"},"id":${id},"channel":${JSON.stringify(name)},"input":${JSON.stringify(sample) ?? 'null'}}`,
      ),
    expect: 'valid',
  });
  return cases;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
}

/**
 * Channels that end the session, empty the library, switch the key or forget the admin key go
 * last, so the others meet real data and the admin channels an admin key.
 */
const LAST: ChannelName[] = [
  'library:delete',
  'cache:clear',
  'admin:tokens:useInApp',
  'admin:forget',
  'demo:start',
  'demo:stop',
  'connection:reenterKey',
  'connection:connect',
  'servers:reenterKey',
  'connection:disconnect',
  'servers:disconnect',
  'servers:remove',
];

/** Admin channels that need the stored admin key before they reach the server. */
const DEEP_ADMIN: ChannelName[] = [
  'admin:users:list',
  'admin:users:findByEmail',
  'admin:users:get',
  'admin:users:create',
  'admin:users:update',
  'admin:tokens:create',
  'admin:tokens:revoke',
];

/** The boundary's own refusal (shared/ipc/dispatch.ts); a server's 422 shares the code `validation` but not the words. */
const refusedAtBoundary = /^The request was not valid \(/;

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('IPC fuzz against the real core', () => {
  it('every channel serves valid hostile input, refuses invalid input as invalid, and nothing pollutes a prototype', async () => {
    // No test reaches the internet: an address the fuzz makes up fails here as offline.
    const localFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname !== '127.0.0.1') return Promise.reject(new TypeError('fetch failed (the fuzz stays on this computer)'));
      return fetch(input, init);
    };
    // Each server generation has its own routes and refusals; the seed picks one. With an admin key
    // stored as the app stores it (admin:setKey), the admin channels reach their handlers.
    const adminKey = `fuzz-admin-${rand().toString(36).slice(2)}-${Date.now().toString(36)}`;
    const webhookSecret = `fuzz-whsec-${rand().toString(36).slice(2)}`;
    const profile = pick(rand, ['g1', 'g2', 'g3'] as const);
    const app = await launchApp({ profile, fetch: localFetch, adminKey });
    const ipc = await connectIpc(app.url);
    const protoBefore = prototypeKeys();
    try {
      const serverId = must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey })).server!.id;
      const adminUrl = app.simulator.adminUrl!;
      must(await ipc.invoke('admin:setKey', { key: adminKey, adminUrl }));
      // A colleague whose tokens the fuzz may revoke or adopt; the app's own key stays untouched.
      const { user: colleague } = must(await ipc.invoke('admin:users:create', { email: `fuzz-colleague-${seed.seed}@example.com` }));
      const toRevoke = must(await ipc.invoke('admin:tokens:create', { userId: colleague.id }));
      const toAdopt = must(await ipc.invoke('admin:tokens:create', { userId: colleague.id }));
      must(await ipc.invoke('library:sync', { full: true }));
      const meetings = await waitFor('the library to fill', async () => {
        const list = must(await ipc.invoke('library:list', {}));
        return list.length > 0 ? list : null;
      });
      const bot = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/fuz-zfuz-zzz' }));
      const m = pick(rand, meetings);
      const hints: FieldHints = {
        url: () => app.simulatorUrl,
        apiKey: () => app.apiKey,
        link: () => 'https://meet.google.com/abc-defg-hij',
        meetingId: () => bot.id,
        id: () => m.id,
        ref: () => ({ meetingId: m.remoteId, platform: m.platform, nativeMeetingId: m.nativeMeetingId ?? 'x', serverId: m.serverId }),
        timeZone: () => 'Europe/Berlin',
        language: () => 'en',
        serverId: () => serverId,
        ids: () => [serverId],
        key: () => adminKey,
        adminUrl: () => adminUrl,
        userId: () => colleague.id,
        tokenId: () => toRevoke.token.id,
        handle: () => toAdopt.handle,
        email: () => `fuzz-${Math.floor(rand() * 1e9)}@example.com`,
        secret: () => webhookSecret,
      };
      // What the window may never receive: the keys, and the webhook secret after it was sent.
      const secrets = [app.apiKey, adminKey, webhookSecret, toRevoke.value, toAdopt.value];
      const leaked = (value: unknown) => secrets.filter((k) => JSON.stringify(value).includes(k));

      const visible = async () => {
        const state = must(await answered(ipc.invoke('app:getState'), 'app:getState'));
        return {
          settings: state.settings,
          connection: state.connection.status,
          server: state.connection.server?.id ?? null,
          file: readFileSync(join(app.dataDir, 'settings.json'), 'utf8'),
        };
      };
      const order = [...channelNames.filter((c) => !LAST.includes(c)), ...LAST];
      const covered = new Map<ChannelName, { valid: number; invalid: number }>();
      const adminDepth = new Set<ChannelName>();
      for (const name of order) {
        const sample = validSample(channels[name].input as z.ZodType, rand, hints, name);
        expect(parseChannelInput(name, sample).success, `the sample for ${name} is valid (${seed.replay})`).toBe(true);
        // The refused cases first: refused input changes nothing the person would see.
        const cases = casesFor(name, sample).sort((a, b) => (a.expect === b.expect ? 0 : a.expect === 'invalid' ? -1 : 1));
        let before: Awaited<ReturnType<typeof visible>> | null = await visible();
        for (const c of cases) {
          if (c.expect === 'valid' && before) {
            expect(await visible(), `${name}: refused input changed the settings or the connection (${seed.replay})`).toEqual(before);
            before = null;
          }
          const where = `${name}: ${c.what} (${seed.replay})`;
          const r = await answered(c.send(ipc), where);
          expect(leaked(r), `${where}: a key or secret in the reply`).toEqual([]);
          if (!r.ok) expect(inWords(r.message), `${where}: ${r.message.slice(0, 300)}`).toBe(true);
          if (c.expect === 'invalid')
            expect(r, where).toMatchObject({ ok: false, code: 'validation', message: expect.stringMatching(refusedAtBoundary) });
          else
            expect(
              r.ok || !(r.code === 'internal' || r.code === 'unknown_channel' || refusedAtBoundary.test(r.message)),
              `${where}: ${JSON.stringify(r).slice(0, 300)}`,
            ).toBe(true);
          expect(prototypeKeys(), where).toEqual(protoBefore);
          expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
          if (name.startsWith('admin:') && (r.ok || r.code !== 'admin_key_needed') && c.expect === 'valid') adminDepth.add(name);
          const seen = covered.get(name) ?? { valid: 0, invalid: 0 };
          seen[c.expect]++;
          covered.set(name, seen);
        }
        // Still serving after the channel's cases.
        expect((await answered(ipc.invoke('app:getState'), `app:getState after ${name}`)).ok, `${name} (${seed.replay})`).toBe(true);
      }

      expect([...covered.keys()].sort()).toEqual([...channelNames].sort());
      expect(leaked(ipc.events), 'a key or secret in a pushed event').toEqual([]);
      // The admin channels were served past "enter the admin key first".
      expect(
        DEEP_ADMIN.filter((c) => !adminDepth.has(c)),
        seed.replay,
      ).toEqual([]);
      // Each channel was reached with input it must serve and with input it must refuse.
      for (const [name, n] of covered) expect(n.valid > 0 && n.invalid > 10, `${name}: ${JSON.stringify(n)}`).toBe(true);
      const settings: unknown = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8'));
      // What the app reads back: the stored fields over the defaults. A field only one channel writes
      // may never be stored here (the start-at-login wish, when this OS offers no login items).
      const stored = (settings as { settings?: Record<string, unknown> }).settings ?? {};
      expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored }).success).toBe(true);
      expect(
        app.ports.opener.opened.filter((u) => !/^https?:\/\/|^\//.test(u)),
        seed.replay,
      ).toEqual([]);
    } finally {
      ipc.close();
      await app.close();
    }
  }, 300_000);
});

/** A refusal a person can read: a sentence, not a stack, a bare code or an object dump. */
function inWords(message: string): boolean {
  return /[a-z]{3,} [a-z]{2,}/i.test(message) && !/\n\s+at |\[object |^\s*[{[]|^[a-z_]+$/i.test(message);
}

/** The reply, or a failure naming the request the app never answered. */
async function answered<T>(reply: Promise<T>, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer to ${where}`)), 30_000);
  });
  try {
    return await Promise.race([reply, silence]);
  } finally {
    clearTimeout(timer);
  }
}
