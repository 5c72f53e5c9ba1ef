import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../../shared/ipc/contract';

// Every channel is a door into the core that a compromised page could knock on: the contract
// holds only what the window itself uses. Channels are named as string literals at their call
// sites (`api.invoke('export:save', …)`), so a channel no renderer file names is one nobody calls.

const RENDERER = join(import.meta.dirname, '..', '..', '..', 'renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [readFileSync(p, 'utf8')] : [];
  });
}

const renderer = sources(RENDERER).join('\n');
const named = (name: string): boolean => renderer.includes(`'${name}'`) || renderer.includes(`"${name}"`);

describe('the IPC contract offers only what the window uses', () => {
  it('reads the renderer sources', () => {
    expect(renderer.length).toBeGreaterThan(10_000);
    expect(named('app:getState')).toBe(true);
  });

  it('every request channel is called somewhere in the renderer', () => {
    expect(channelNames.filter((c) => !named(c))).toEqual([]);
  });

  it('every pushed event is listened to somewhere in the renderer', () => {
    expect(eventNames.filter((e) => !named(e))).toEqual([]);
  });
});
