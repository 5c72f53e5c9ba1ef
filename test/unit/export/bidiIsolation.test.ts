import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import { fixtureJson } from '../../support/fixtures';

// A speaker or meeting name holding a bidi override must not reorder the rest of its line in a
// plain-text export (checked with bidi-js, an implementation of UAX #9).
const bidi = bidiFactory();
const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');

function hostile(): Record<string, unknown> {
  const segments = (g1.segments as Array<Record<string, unknown>>).map((s) =>
    s.speaker === 'Alice' ? { ...s, speaker: 'Alice \u2069\u202Eadmin' } : s,
  );
  return { ...g1, data: { name: 'Budget \u202Ereview' }, segments };
}

/** Whether `tail`, wherever it is in the line, keeps level 0 (left to right, in order). */
function inOrder(line: string, tail: string): boolean {
  const at = line.lastIndexOf(tail);
  const { levels } = bidi.getEmbeddingLevels(line, 'ltr');
  return at >= 0 && Array.from(levels.subarray(at, at + tail.length)).every((l) => l === 0);
}

describe('names with bidi controls in plain-text exports', () => {
  it('txt: the words after a speaker keep their order', async () => {
    const text = (await exportTranscript(hostile(), 'txt')) as string;
    const line = text.split('\n').find((l) => l.includes('Morning, everyone.'))!;
    expect(line).toContain('\u202Eadmin');
    expect(inOrder(line, ': Morning, everyone.')).toBe(true);
  });

  it('md: the title and the speaker’s turn keep the app’s words in order', async () => {
    const md = (await exportTranscript(hostile(), 'md')) as string;
    const lines = md.split('\n');
    expect(lines[0]).toContain('\u202Ereview');
    const turn = lines.find((l) => l.includes('Morning, everyone.'))!;
    expect(inOrder(turn, ':** Morning, everyone.')).toBe(true);
  });

  it('srt: the words after a speaker keep their order', async () => {
    const srt = (await exportTranscript(hostile(), 'srt')) as string;
    const line = srt.split('\n').find((l) => l.includes('Morning, everyone.'))!;
    expect(inOrder(line, ': Morning, everyone.')).toBe(true);
  });

  it('leaves names without controls byte for byte', async () => {
    expect(await exportTranscript(g1, 'txt')).not.toMatch(/[\u2066-\u2069]/);
  });
});
