import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMatchQuery, parseMarked, withWholeWords } from '../../../electron/core/cache/ftsQuery';
import { mulberry32 } from '../../support/random';

const match = (q: string) => buildMatchQuery(q).match;

describe('search input to FTS5', () => {
  it('quotes words, adds a prefix to the word being typed, and keeps operators between operands', () => {
    expect(match('deploy')).toBe('"deploy" *');
    expect(match('deploy ')).toBe('"deploy"');
    expect(match('release plan')).toBe('"release" "plan" *');
    expect(match('"release plan"')).toBe('"release plan"');
    expect(match('"release pl')).toBe('"release pl" *');
    expect(match('coffee OR tea ')).toBe('"coffee" OR "tea"');
    expect(match('coffee AND NOT tea ')).toBe('"coffee" NOT "tea"');
    expect(match('deplo* release ')).toBe('"deplo" * "release"');
    expect(buildMatchQuery('Café Über').terms).toEqual(['café', 'über']);
  });

  it('defuses FTS5 syntax: column filters, NEAR, carets, stars and stray operators become words or nothing', () => {
    expect(match('text:secret ')).toBe('"text secret"');
    expect(match('NEAR(a b) ')).toBe('"NEAR a" "b"');
    expect(match('^start ')).toBe('"start"');
    expect(match('*')).toBeNull();
    expect(match('AND')).toBeNull();
    expect(match('OR coffee OR')).toBe('"coffee"');
    expect(match('NOT coffee tea ')).toBe('"tea"');
    expect(match('"')).toBeNull();
    expect(match('   ')).toBeNull();
    expect(match('a')).toBe('"a"');
    expect(match('and or not ')).toBe('"and" "or" "not"');
    expect(buildMatchQuery('coffee NOT tea').terms).toEqual(['coffee']);
  });

  it('stands the whole words of the word being typed where its prefix stood', () => {
    const whole = (q: string, words: string[]) => withWholeWords(buildMatchQuery(q), words);
    expect(whole('budg', ['budget', 'budgets'])).toBe('("budget" OR "budgets")');
    expect(whole('release budg', ['budget'])).toBe('"release" AND ("budget")');
    expect(whole('coffee OR budg', ['budget'])).toBe('"coffee" OR ("budget")');
    expect(whole('coffee NOT budg', ['budget'])).toBe('"coffee" NOT ("budget")');
    // Not being typed, a phrase, or nothing to stand for it: the expression stays as it was.
    expect(whole('budget ', ['budget'])).toBeNull();
    expect(whole('"release bud', ['budget'])).toBeNull();
    expect(whole('budg', [])).toBeNull();
  });

  it('splits a marked snippet into plain-text parts', () => {
    expect(parseMarked('a \uE000b\uE001 c \uE000d\uE001')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ]);
    expect(parseMarked('<b>\uE000x\uE001')).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
    ]);
    expect(parseMarked(null)).toEqual([]);
  });

  describe('fuzz against a real FTS5 table', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE f USING fts5(text, speaker, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
      INSERT INTO f VALUES ('Héllo wörld, don''t stop the release', 'Alice'), ('near the end OR not', 'Bob');`);
    const stmt = db.prepare("SELECT rowid, snippet(f, 0, '\uE000', '\uE001', '…', 8) FROM f WHERE f MATCH ? ORDER BY rank");
    afterAll(() => db.close());

    // A fixed seed, so a failure reproduces.
    const rnd = mulberry32(0x5eed);
    const pieces = [
      '"',
      '*',
      '(',
      ')',
      ':',
      '^',
      '-',
      '+',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'NEAR(',
      'text:',
      '{text speaker}:',
      ' ',
      '  ',
      'the',
      'héllo',
      'wor',
      'é',
      '\u0301',
      '🙂',
      '\u0000',
      '\uE000',
      '\t',
      '\n',
      "'",
      '\\',
      ',',
      'a',
      'zz',
      '日本語',
      'Ω',
      '\u200b',
      '%',
      '_',
      '[',
      ']',
    ];

    it('accepts 5,000 random inputs without a syntax error', () => {
      for (let i = 0; i < 5000; i++) {
        const n = 1 + Math.floor(rnd() * 8);
        let q = '';
        for (let j = 0; j < n; j++) q += pieces[Math.floor(rnd() * pieces.length)];
        const built = buildMatchQuery(q);
        if (built.match === null) continue;
        expect(() => stmt.all(built.match), JSON.stringify(q)).not.toThrow();
        // The word being typed, replaced by whole words (as the transcript search does).
        const whole = withWholeWords(built, ['héllo', 'the"x', 'wörld']);
        if (whole !== null) expect(() => stmt.all(whole), JSON.stringify(q)).not.toThrow();
      }
    });

    it('accepts random code points', () => {
      for (let i = 0; i < 2000; i++) {
        const q = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => String.fromCodePoint(Math.floor(rnd() * 0x2ffff))).join('');
        const built = buildMatchQuery(q);
        if (built.match === null) continue;
        expect(() => stmt.all(built.match), JSON.stringify(q)).not.toThrow();
      }
    });
  });
});
