import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../shared/ipc/contract';
import { dispatch, UserFacingError, type HandlerTable } from '../../../shared/ipc/dispatch';

/** A table whose every handler records that it ran: validation must stop bad input before it. */
function recordingTable(calls: string[]): HandlerTable {
  return Object.fromEntries(
    channelNames.map((name) => [
      name,
      async () => {
        calls.push(name);
        throw new Error('handler reached');
      },
    ]),
  ) as unknown as HandlerTable;
}

// Values that no channel's input accepts in place of its declared shape.
const hostile: unknown[] = [
  42,
  'string',
  true,
  [],
  [1, 2],
  { __proto__: { polluted: true } },
  // A literal sets the prototype and leaves no key; parsed JSON text keeps `__proto__` as an own key.
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  { unexpected: 'field' },
  { url: 42, apiKey: {} },
  { url: 'x'.repeat(10_000), apiKey: 'k' },
  { theme: 'neon' },
  { which: '../../etc' },
  { message: 7 },
  { profile: 'g9' },
  { url: null },
];

describe('IPC dispatch', () => {
  it('answers an unknown channel with a Result, never a throw', async () => {
    for (const name of ['nope', '', 42, null, '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(recordingTable([]), name, undefined)).toMatchObject({ ok: false, code: 'unknown_channel' });
    }
  });

  it('rejects invalid payloads on every channel before any handler runs', async () => {
    const calls: string[] = [];
    const table = recordingTable(calls);
    let rejected = 0;
    for (const name of channelNames) {
      for (const input of hostile) {
        if (channels[name].input.safeParse(input).success) continue;
        const result = await dispatch(table, name, input);
        expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, code: 'validation' });
        expect((result as { message: string }).message).toMatch(/^The request was not valid/);
        rejected++;
      }
    }
    expect(calls).toEqual([]);
    expect(rejected).toBeGreaterThan(channelNames.length * 10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes a user-facing error through and hides unexpected ones', async () => {
    const table = recordingTable([]);
    table['connection:recheck'] = async () => {
      throw new UserFacingError('not_connected', 'Connect first.');
    };
    expect(await dispatch(table, 'connection:recheck', undefined)).toEqual({ ok: false, code: 'not_connected', message: 'Connect first.' });
    const seen: unknown[] = [];
    const r = await dispatch(table, 'app:getState', undefined, (_c, e) => seen.push(e));
    expect(r).toMatchObject({ ok: false, code: 'internal' });
    expect((r as { message: string }).message).not.toContain('handler reached');
    expect(seen).toHaveLength(1);
  });

  it('passes errors that carry a code and a userMessage (the Vexa client error) through', async () => {
    const table = recordingTable([]);
    table['connection:probe'] = async () => {
      throw Object.assign(new Error('x'), { code: 'unauthorized', userMessage: 'The server rejected this API key.' });
    };
    expect(await dispatch(table, 'connection:probe', { url: 'https://a', apiKey: 'k' })).toEqual({
      ok: false,
      code: 'unauthorized',
      message: 'The server rejected this API key.',
    });
  });

  it('applies defaults after validation', async () => {
    const table = recordingTable([]);
    let got: unknown;
    table['connection:connect'] = async (input) => {
      got = input;
      return { status: 'none', server: null, key: null, error: null, keyNeeded: null };
    };
    await dispatch(table, 'connection:connect', { url: 'https://a', apiKey: 'k' });
    expect(got).toEqual({ url: 'https://a', apiKey: 'k', keyStorage: 'auto' });
  });

  // Found by the IPC fuzz (test/integration/core/ipcFuzz.test.ts): a lone surrogate in a meeting's
  // native id reached encodeURIComponent in the server path and came back as "Something went
  // wrong inside the app"; in an AI prompt it broke "Open in …" the same way.
  it.each([
    ['share:create', { ref: { meetingId: 1, platform: 'google_meet', nativeMeetingId: 'abc\uD800' } }, 'ref.nativeMeetingId'],
    ['settings:update', { aiPrompts: { claude: 'Summarise {url} \uDFFF' } }, 'aiPrompts.claude'],
    ['library:edit', { id: 1, patch: { participants: ['Ann', '\uD83D'] } }, 'patch.participants.1'],
  ] as const)('refuses text with half a surrogate pair on %s before any handler runs', async (channel, input, path) => {
    const calls: string[] = [];
    const result = await dispatch(recordingTable(calls), channel, input);
    expect(result).toEqual({
      ok: false,
      code: 'validation',
      message: `The request was not valid (${path}: Text with a broken character).`,
    });
    expect(calls).toEqual([]);
  });

  it('accepts whole surrogate pairs (emoji, rare scripts) as text', async () => {
    const calls: string[] = [];
    await dispatch(recordingTable(calls), 'library:edit', { id: 1, patch: { name: 'Stand-up 😀 𝔘' } });
    expect(calls).toEqual(['library:edit']);
  });
});
