import { describe, expect, it } from 'vitest';
import {
  cleanWatchWord,
  compileWatchList,
  foldForMatch,
  matchWatchWords,
  nameWords,
  sameWatchWord,
} from '../../../shared/watchWords/match';

const match = (text: string, words: string[]) => matchWatchWords(text, compileWatchList(words));

describe('watch word matching', () => {
  it('matches whole words and phrases, whatever the case and punctuation', () => {
    expect(match('Any questions? Great.', ['any questions'])).toEqual(['any questions']);
    expect(match('ANY-QUESTIONS before we wrap up', ['any questions'])).toEqual(['any questions']);
    expect(match('That is an action item, Ana.', ['Action item'])).toEqual(['Action item']);
    expect(match('"Deadline": Friday', ['deadline'])).toEqual(['deadline']);
  });

  it('does not match inside a longer word, or a phrase whose words are apart', () => {
    expect(match('Those are action items', ['action item'])).toEqual([]);
    expect(match('Anastasia joined', ['Ana'])).toEqual([]);
    expect(match('any other questions', ['any questions'])).toEqual([]);
    expect(match('deadlines', ['deadline'])).toEqual([]);
  });

  it('ignores accents both ways and keeps letters of other scripts', () => {
    expect(match('Zoë will take it', ['zoe'])).toEqual(['zoe']);
    expect(match('Zoe will take it', ['Zoë'])).toEqual(['Zoë']);
    expect(match('la réunion est finie', ['reunion'])).toEqual(['reunion']);
    expect(match('Привет, Анна!', ['анна'])).toEqual(['анна']);
    expect(match('İstanbul office', ['istanbul'])).toEqual(['istanbul']);
  });

  it('names several words once each, in the list order', () => {
    expect(match('Action item for Ana: any questions, Ana?', ['ana', 'any questions', 'action item'])).toEqual([
      'ana',
      'any questions',
      'action item',
    ]);
    expect(match('ana', ['Ana', 'ANA'])).toEqual(['Ana']);
  });

  it('an empty list, an empty line or a word of punctuation only matches nothing', () => {
    expect(match('anything', [])).toEqual([]);
    expect(match('', ['x'])).toEqual([]);
    expect(match('?!', ['?!'])).toEqual([]);
    expect(foldForMatch('  ... ')).toBe('');
  });

  it('cleans a typed word and tells duplicates', () => {
    expect(cleanWatchWord('  action   item ')).toBe('action item');
    expect(cleanWatchWord('!!!')).toBeNull();
    expect(cleanWatchWord('x'.repeat(200))).toHaveLength(80);
    expect(sameWatchWord('Action-Item', 'action item')).toBe(true);
    expect(sameWatchWord('Zoë', 'zoe')).toBe(true);
    expect(sameWatchWord('ana', 'anna')).toBe(false);
  });

  it('names the words of an alert', () => {
    expect(nameWords(['a'])).toBe('“a”');
    expect(nameWords(['a', 'b'])).toBe('“a” and “b”');
    expect(nameWords(['a', 'b', 'c', 'd'])).toBe('“a”, “b” and 2 more');
  });
});
