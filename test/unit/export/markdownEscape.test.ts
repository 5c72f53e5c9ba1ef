import { Parser, type Node } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import { escapeHeading, escapeInline, escapeLineStart } from '../../../electron/core/export/markdownEscape';

// What a reader of the rendered file sees must be what was said, and the raw file should read as
// written: only what CommonMark would take as markup in that position is escaped. The rendered
// text is checked with commonmark.js, the reference implementation of the spec.

const TRICKY = [
  '# not a heading',
  '###### six',
  '#hashtag and C# and issue #',
  '- not a list',
  '+ nor this',
  '* nor this',
  '1. not a numbered list',
  '2) nor this',
  '> not a quote',
  '---',
  '***',
  '___',
  '===',
  '- - -',
  '```js',
  '~~~',
  'use `npm test` or ``x``',
  'a * b and 2*3*4 = 24',
  'snake_case_name and __init__ and _under_',
  '*emphasis* and **strong** and ***both***',
  'a | b | c',
  '| --- | --- |',
  '<b>bold</b> and <https://example.com> and <me@example.com>',
  '<div',
  '1 < 2 and 3 > 2',
  '&amp; &#35; &copy and AT&T',
  '[link](https://example.com) and ![img](x.png) and [ref]',
  '[ref]: https://example.com',
  'back\\slash \\* and trailing \\',
  '~~struck~~ and ~tilde',
  'UX test (round 2) at 10:00, 50% done; ok? yes! "quoted" \'single\' {braces} $5 ^caret',
  '    four spaces of indent',
  '  two spaces',
];

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.next) out.push(c);
  return out;
}

/** What a reader sees in a block: text and code as written, a hard line break as a newline. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'code') return node.literal ?? '';
  if (node.type === 'softbreak') return ' ';
  if (node.type === 'linebreak') return '\n';
  return children(node).map(textOf).join('');
}

function rendered(md: string): Node[] {
  return children(new Parser().parse(md));
}

const meeting = (o: { name?: string; notes?: string; text?: string }) => ({
  id: 1,
  platform: 'google_meet',
  native_meeting_id: 'abc-defg-hij',
  start_time: '2026-05-02T15:00:00',
  notes: o.notes ?? null,
  data: { name: o.name ?? 'Review' },
  segments: [{ start: 0, end: 2, text: o.text ?? 'Hello', speaker: 'Ann', absolute_start_time: '2026-05-02T15:00:00' }],
});

describe('markdown escaping, read back by CommonMark', () => {
  it.each(TRICKY)('keeps %j as said in a turn', async (said) => {
    const md = await exportTranscript(meeting({ text: said }), 'md');
    const turn = rendered(md).at(-1)!;
    expect(turn.type).toBe('paragraph');
    expect(children(turn).filter((n) => n.type !== 'text' && n.type !== 'strong')).toEqual([]);
    expect(textOf(turn)).toBe(`[15:00:00] Ann: ${said.trim()}`);
  });

  it.each(TRICKY)('keeps %j as written on a line of the notes', async (line) => {
    const notes = `Before\n${line}\nAfter`;
    const md = await exportTranscript(meeting({ notes }), 'md');
    const blocks = rendered(md);
    const at = blocks.findIndex((b) => b.type === 'heading' && textOf(b) === 'Notes');
    const block = blocks[at + 1]!;
    expect(block.type).toBe('paragraph');
    expect(blocks[at + 2]?.type).toBe('heading');
    expect(textOf(block)).toBe(notes);
  });

  it.each(TRICKY)('keeps %j as the title', async (name) => {
    const md = await exportTranscript(meeting({ name }), 'md');
    const title = rendered(md)[0]!;
    expect(title.type).toBe('heading');
    expect(textOf(title)).toBe(name.trim());
  });

  it('leaves readable punctuation alone: no backslash before parentheses, periods or in-word underscores', async () => {
    const md = await exportTranscript(meeting({ name: 'UX test (round 2)', text: 'See the (UX test) for snake_case: 1. it works.' }), 'md');
    expect(md).toContain('# UX test (round 2)\n');
    expect(md).toContain('Ann:** See the (UX test) for snake_case: 1. it works.\n');
    expect(escapeInline('a * b, 50% (ok)')).toBe('a * b, 50% (ok)');
  });

  it('escapes what would be markup where it stands, and only there', () => {
    expect(escapeInline('2*3*4')).toBe('2\\*3\\*4');
    expect(escapeInline('`code`')).toBe('\\`code\\`');
    expect(escapeInline('[a](b)')).toBe('\\[a](b)');
    expect(escapeInline('<b>')).toBe('\\<b>');
    expect(escapeInline('&amp;')).toBe('\\&amp;');
    expect(escapeInline('# - 1. >')).toBe('# - 1. >');
    expect(escapeLineStart('# x')).toBe('\\# x');
    expect(escapeLineStart('1. x')).toBe('1\\. x');
    expect(escapeLineStart('> x')).toBe('\\> x');
    expect(escapeLineStart('- x')).toBe('\\- x');
    expect(escapeHeading('issue #')).toBe('issue \\#');
    expect(escapeHeading('C#')).toBe('C#');
  });

  it('keeps the line breaks and paragraphs of the notes', async () => {
    const md = await exportTranscript(meeting({ notes: 'Agenda:\n1. Budget\n2. Hiring\n\nDecide by Friday.' }), 'md');
    expect(md).toContain('## Notes\n\nAgenda:\\\n1\\. Budget\\\n2\\. Hiring\n\nDecide by Friday.\n\n## Transcript');
    const blocks = rendered(md);
    const at = blocks.findIndex((b) => b.type === 'heading' && textOf(b) === 'Notes');
    expect(blocks.slice(at + 1, at + 3).map(textOf)).toEqual(['Agenda:\n1. Budget\n2. Hiring', 'Decide by Friday.']);
  });
});
