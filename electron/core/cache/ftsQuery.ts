import { MARK_CLOSE, MARK_OPEN } from './rows';
import type { SnippetPart } from './types';

export interface MatchQuery {
  /** An FTS5 MATCH expression that always parses, or null when the input holds no words. */
  match: string | null;
  terms: string[];
  prefix: boolean;
  /**
   * When the last operand is one word being typed (a prefix): the expression before it and the
   * word, so that the word can be replaced by the whole words it may become (see terms.ts).
   */
  typing: { before: string; word: string } | null;
}

type Op = 'AND' | 'OR' | 'NOT';
type Item = { kind: 'op'; op: Op } | { kind: 'term'; words: string[]; star: boolean; open: boolean };

const MAX_INPUT = 500;
const MAX_OPERANDS = 16;
/** Shorter prefixes match most of the vocabulary and are not indexed (prefix='2 3'). */
const MIN_PREFIX = 2;
const OPS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT']);
// Letters, digits and combining marks: what unicode61 keeps as token characters (minus private use).
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
const CONTROL = /[\p{Cc}\uE000\uE001]/gu;

const wordsOf = (text: string): string[] => text.split(SEPARATORS).filter((w) => w !== '');

function scan(input: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      const close = input.indexOf('"', i + 1);
      const body = close === -1 ? input.slice(i + 1) : input.slice(i + 1, close);
      items.push({ kind: 'term', words: wordsOf(body), star: input[close + 1] === '*', open: close === -1 });
      i = close === -1 ? input.length : close + 1;
      continue;
    }
    let j = i;
    while (j < input.length && input[j] !== '"' && !/\s/.test(input[j]!)) j++;
    const raw = input.slice(i, j);
    if (OPS.has(raw)) items.push({ kind: 'op', op: raw as Op });
    else items.push({ kind: 'term', words: wordsOf(raw), star: raw.endsWith('*'), open: j === input.length });
    i = j;
  }
  return items;
}

/**
 * Turns what a person typed into an FTS5 expression that cannot fail to parse. Words and quoted
 * phrases become quoted FTS5 strings (so `*`, `^`, `:`, `(`, `NEAR(` and column names lose their
 * meaning), AND/OR/NOT in capitals stay operators when they stand between two operands, and the
 * last word gets a prefix `*` while it is still being typed (no trailing space). A leading NOT
 * drops its operand: FTS5 cannot search for "everything except".
 */
export function buildMatchQuery(rawInput: string): MatchQuery {
  const input = rawInput.normalize('NFC').replace(CONTROL, ' ').slice(0, MAX_INPUT);
  const items = scan(input);
  const parts: string[] = [];
  const terms: string[] = [];
  let pendingOp: Op | null = null;
  let dropNext = false;
  let operands = 0;
  let prefix = false;
  let typed: MatchQuery['typing'] = null;
  const last = items[items.length - 1];

  for (const item of items) {
    if (item.kind === 'op') {
      if (operands === 0) dropNext = item.op === 'NOT';
      else pendingOp = item.op;
      continue;
    }
    if (item.words.length === 0) continue;
    if (dropNext) {
      dropNext = false;
      continue;
    }
    if (operands >= MAX_OPERANDS) break;
    const lastWord = item.words[item.words.length - 1]!;
    const typing = item === last && item.open;
    const isPrefix = (item.star || typing) && [...lastWord].length >= MIN_PREFIX;
    if (operands > 0) parts.push(pendingOp ? ` ${pendingOp} ` : ' ');
    parts.push(`"${item.words.join(' ')}"${isPrefix ? ' *' : ''}`);
    if (pendingOp !== 'NOT') terms.push(...item.words.map((w) => w.toLowerCase()));
    if (item === last) {
      prefix = isPrefix;
      // FTS5 joins phrases side by side with an implicit AND, but not a phrase and a parenthesis.
      const before = parts.slice(0, -1).map((p) => (p === ' ' ? ' AND ' : p));
      if (isPrefix && item.words.length === 1) typed = { before: before.join(''), word: lastWord };
    }
    pendingOp = null;
    operands++;
  }
  return { match: operands === 0 ? null : parts.join(''), terms: [...new Set(terms)], prefix, typing: typed };
}

/**
 * The expression with the word being typed replaced by the whole words it may become (an OR of
 * quoted words in parentheses, which stands where the prefix stood); null when there are none.
 */
export function withWholeWords(q: MatchQuery, words: readonly string[]): string | null {
  if (!q.typing || words.length === 0) return null;
  return `${q.typing.before}(${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')})`;
}

/** Splits a snippet marked with MARK_OPEN/MARK_CLOSE into plain-text parts. */
export function parseMarked(marked: string | null): SnippetPart[] {
  if (!marked) return [];
  const parts: SnippetPart[] = [];
  let match = false;
  let buf = '';
  const flush = () => {
    if (buf === '') return;
    const prev = parts[parts.length - 1];
    if (prev && prev.match === match) prev.text += buf;
    else parts.push({ text: buf, match });
    buf = '';
  };
  for (const ch of marked) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      match = ch === MARK_OPEN;
    } else buf += ch;
  }
  flush();
  return parts;
}
