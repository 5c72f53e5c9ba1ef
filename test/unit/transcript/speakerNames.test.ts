import { describe, expect, it } from 'vitest';
import { cleanSpeakerName, namesFor, SpeakerNames, type SpeakerFix } from '../../../shared/transcript/speakerNames';

let nextId = 1;
function fix(over: Partial<SpeakerFix> & Pick<SpeakerFix, 'kind' | 'label' | 'name'>): SpeakerFix {
  const id = nextId++;
  return { id, serverId: 's1', meetingId: 7, fromAbsolute: null, fromStart: null, createdAt: id, ...over };
}

const line = (speaker: string | null, start = 10, absoluteStart: number | null = null) => ({ speaker, start, absoluteStart });

describe('speaker names', () => {
  it('shows the server label when nothing is corrected, and no speaker stays no speaker', () => {
    const names = new SpeakerNames([], 's1', 7);
    expect(names.resolve(line('Speaker 2'))).toEqual({ name: 'Speaker 2', key: 'Speaker 2', original: 'Speaker 2', corrected: false });
    expect(names.resolve(line(null)).name).toBeNull();
  });

  it('renames in one meeting, and a one-meeting rename beats a server-wide one', () => {
    const everywhere = fix({ kind: 'rename', label: 'Speaker 2', name: 'Alice', meetingId: null });
    const here = fix({ kind: 'rename', label: 'Speaker 2', name: 'Alicia' });
    expect(new SpeakerNames([everywhere], 's1', 8).resolve(line('Speaker 2')).name).toBe('Alice');
    expect(new SpeakerNames([everywhere, here], 's1', 7).resolve(line('Speaker 2'))).toMatchObject({ name: 'Alicia', corrected: true });
    // Another meeting keeps the server-wide name; another server keeps the label.
    expect(new SpeakerNames([everywhere, here], 's1', 8).resolve(line('Speaker 2')).name).toBe('Alice');
    expect(new SpeakerNames([everywhere, here], 's2', 7).resolve(line('Speaker 2')).name).toBe('Speaker 2');
    // Made later, a server-wide rename still leaves the one-meeting name in its meeting.
    const laterEverywhere = fix({ kind: 'rename', label: 'Speaker 2', name: 'Alex', meetingId: null });
    expect(new SpeakerNames([here, laterEverywhere], 's1', 7).resolve(line('Speaker 2')).name).toBe('Alicia');
  });

  it('merges a label into another and takes its rename; merges never loop', () => {
    const merge = fix({ kind: 'merge', label: 'Speaker 3', name: 'Speaker 2' });
    const rename = fix({ kind: 'rename', label: 'Speaker 2', name: 'Alice' });
    const names = new SpeakerNames([merge, rename], 's1', 7);
    expect(names.resolve(line('Speaker 3'))).toMatchObject({ name: 'Alice', key: 'Speaker 2', original: 'Speaker 3' });
    const loop = new SpeakerNames([fix({ kind: 'merge', label: 'A', name: 'B' }), fix({ kind: 'merge', label: 'B', name: 'A' })], 's1', 7);
    expect(['A', 'B']).toContain(loop.resolve(line('A')).name);
  });

  it('splits a label from a line on: earlier lines keep the old name, the latest split wins', () => {
    const rename = fix({ kind: 'rename', label: 'Speaker 1', name: 'Bob' });
    const split = fix({ kind: 'split', label: 'Speaker 1', name: 'Carol', fromStart: 60, fromAbsolute: 1_000_060_000 });
    const later = fix({ kind: 'split', label: 'Speaker 1', name: 'Dan', fromStart: 120, fromAbsolute: null });
    const names = new SpeakerNames([rename, split, later], 's1', 7);
    expect(names.resolve(line('Speaker 1', 30)).name).toBe('Bob');
    expect(names.resolve(line('Speaker 1', 60)).name).toBe('Carol');
    expect(names.resolve(line('Speaker 1', 200)).name).toBe('Dan');
    // The absolute time decides when both sides have one.
    expect(names.resolve(line('Speaker 1', 0, 1_000_070_000)).name).toBe('Carol');
    // A split name can itself be renamed.
    const renamedSplit = new SpeakerNames([split, fix({ kind: 'rename', label: 'Carol', name: 'Caroline' })], 's1', 7);
    expect(renamedSplit.resolve(line('Speaker 1', 90)).name).toBe('Caroline');
    // A split made in one meeting does not reach another.
    expect(new SpeakerNames([split], 's1', 8).resolve(line('Speaker 1', 90)).name).toBe('Speaker 1');
  });

  it('restores: without the correction the label shows again, and touching lists what to take back', () => {
    const rename = fix({ kind: 'rename', label: 'Speaker 2', name: 'Alice', meetingId: null });
    const merge = fix({ kind: 'merge', label: 'Speaker 3', name: 'Speaker 2' });
    const names = new SpeakerNames([rename, merge], 's1', 7);
    expect(
      names
        .touching(line('Speaker 3'))
        .map((f) => f.id)
        .sort(),
    ).toEqual([rename.id, merge.id].sort());
    expect(names.touching(line('Speaker 9'))).toEqual([]);
    const restored = new SpeakerNames([merge], 's1', 7);
    expect(restored.resolve(line('Speaker 3')).name).toBe('Speaker 2');
    expect(new SpeakerNames([], 's1', 7).resolve(line('Speaker 3')).name).toBe('Speaker 3');
  });

  it('keeps one resolver per meeting, and cleans typed names', () => {
    const of = namesFor([fix({ kind: 'rename', label: 'X', name: 'Y' })]);
    expect(of('s1', 7)).toBe(of('s1', 7));
    expect(of('s1', 7).resolve(line('X')).name).toBe('Y');
    expect(cleanSpeakerName('  Ana\n  María \u0000 ')).toBe('Ana María');
    expect(cleanSpeakerName('   ')).toBeNull();
    expect([...cleanSpeakerName('x'.repeat(500))!]).toHaveLength(200);
  });
});
