import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../shared/ipc/contract';
import { launchApp } from '../../e2e/support/app';
import { connectIpc, must } from '../../support/ipcClient';

// Deterministic generator of hostile values: wrong types, deep nesting, huge strings, prototype keys.
function* hostileValues(seed = 7): Generator<unknown> {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const atoms: unknown[] = [
    null,
    true,
    0,
    -1,
    1e308,
    '',
    'x'.repeat(100_000),
    '\u0000',
    '<script>',
    [],
    {},
    { __proto__: { admin: true } },
  ];
  for (const a of atoms) yield a;
  for (let i = 0; i < 40; i++) {
    const keys = ['url', 'apiKey', 'keyStorage', 'theme', 'profile', 'which', 'message', 'stack', 'constructor', 'zzz'];
    const obj: Record<string, unknown> = {};
    const n = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < n; k++) obj[keys[Math.floor(rand() * keys.length)]!] = atoms[Math.floor(rand() * atoms.length)];
    yield obj;
  }
}

describe('IPC fuzz against the real core', () => {
  it('invalid payloads on every channel get a validation error and change nothing', async () => {
    const app = await launchApp({ profile: 'g3' });
    const ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));

    const snapshot = async () => ({
      state: must(await ipc.invoke('app:getState')),
      settings: readFileSync(join(app.dataDir, 'settings.json'), 'utf8'),
    });
    const before = await snapshot();
    // The live socket and the background sync report on their own schedule; app state and bots must stay silent.
    const stateEvents = () => ipc.events.filter((e) => e.event === 'app:state' || e.event === 'bots:changed').length;
    const eventsBefore = stateEvents();
    let sent = 0;
    for (const name of channelNames) {
      for (const value of hostileValues()) {
        // What crosses the wire is the JSON form; judge validity on that.
        const wire: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
        if (channels[name].input.safeParse(wire).success) continue;
        const r = await ipc.raw(name, value);
        expect(r, `${name} ${JSON.stringify(value)?.slice(0, 80)}`).toMatchObject({ ok: false, code: 'validation' });
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(channelNames.length * 20);
    expect(await snapshot()).toEqual(before);
    expect(stateEvents()).toBe(eventsBefore);
    expect(app.ports.opener.opened).toEqual([]);
    ipc.close();
    await app.close();
  });
});
