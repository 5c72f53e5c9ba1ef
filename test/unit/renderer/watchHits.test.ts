import { describe, expect, it } from 'vitest';
import type { CaptionView } from '../../../shared/ipc/models';
import { createHitFinder } from '../../../renderer/features/watchWords/hits';
import { checkWatchWord, hitStateText } from '../../../renderer/features/watchWords/describe';

const line = (key: string, text: string, draft = false): CaptionView => ({
  key,
  speaker: 'Ana',
  text,
  start: 0,
  end: 1,
  absoluteStart: 1000,
  absoluteEnd: 2000,
  language: 'en',
  completed: !draft,
  draft,
});

describe('the hits list of a meeting', () => {
  it('lists the confirmed lines that say a watched word, never a draft, in transcript order', () => {
    const find = createHitFinder();
    const segments = [line('a', 'the deadline'), line('b', 'nothing here'), line('c', 'an action item'), line('d', 'deadline soon', true)];
    const hits = find(segments, { enabled: true, words: ['deadline', 'action item'] });
    expect(hits.map((h) => [h.key, h.words])).toEqual([
      ['a', ['deadline']],
      ['c', ['action item']],
    ]);
  });

  it('follows an edited line, a new word list and the switch', () => {
    const find = createHitFinder();
    const words = ['deadline'];
    const first = [line('a', 'the deadline')];
    expect(find(first, { enabled: true, words })).toHaveLength(1);
    expect(find([line('a', 'the date')], { enabled: true, words })).toHaveLength(0);
    expect(find(first, { enabled: true, words: ['date'] })).toHaveLength(0);
    expect(find(first, { enabled: false, words })).toHaveLength(0);
  });

  it('says how each hit was alerted, and refuses a repeated or empty word', () => {
    expect(hitStateText('quiet')).toBe('not notified: Do not disturb');
    expect(hitStateText(undefined)).toBeNull();
    expect(checkWatchWord(' Action-Item ', ['action item'])).toEqual({ ok: false, message: '“Action-Item” is already watched.' });
    expect(checkWatchWord('...', [])).toMatchObject({ ok: false });
    expect(checkWatchWord('  Ben  ', [])).toEqual({ ok: true, value: 'Ben' });
  });
});
