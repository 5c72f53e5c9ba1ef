/*
 * Backslash escapes for text put into Markdown, only where CommonMark (0.31) would otherwise read
 * markup, so that "(UX test)" stays "(UX test)" in the file and a reader of the raw text sees what
 * was said. Any ASCII punctuation may be backslash-escaped (spec §2.4), so every escape below is
 * safe; the rules decide which ones are needed in the position the text goes:
 * - inline (after other text on its line): code spans, emphasis delimiter runs that can open or
 *   close (§6.2 flanking rules), links and images, raw HTML and autolinks, entities, backslashes;
 * - at the start of a line (a note's lines): also headings, block quotes, lists, thematic breaks,
 *   setext underlines, fences, HTML blocks and indented code;
 * - GitHub's Markdown adds strikethrough (`~`) and tables (`|`, only across lines): escaped too,
 *   since such files are often read there.
 */

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/u;
const PUNCT = /[\p{P}\p{S}]/u;

interface Around {
  /** The character just before the text in the output (a space when it starts a line). */
  before?: string;
  /** The character just after it (a space when it ends a line). */
  after?: string;
}

function kind(ch: string): 'space' | 'punct' | 'other' {
  if (ch === '' || WHITESPACE.test(ch)) return 'space';
  return PUNCT.test(ch) ? 'punct' : 'other';
}

/** Whether a run of `*` or `_` between `prev` and `next` can open or close emphasis (§6.2). */
function delimiterActive(char: string, prev: string, next: string): boolean {
  const p = kind(prev);
  const n = kind(next);
  const left = n !== 'space' && (n !== 'punct' || p !== 'other');
  const right = p !== 'space' && (p !== 'punct' || n !== 'other');
  if (char === '*') return left || right;
  const canOpen = left && (!right || p === 'punct');
  const canClose = right && (!left || n === 'punct');
  return canOpen || canClose;
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The characters any inline escape starts from; text without them is written as it is. */
const INLINE_SPECIAL = /[\\`*_[<&~]/;

/** Escapes text that sits inside a line, after other content. */
export function escapeInline(text: string, around: Around = {}): string {
  // Most spoken lines hold none of these: skip splitting them into characters.
  if (!INLINE_SPECIAL.test(text)) return text;
  const chars = Array.from(text);
  const before = around.before ?? ' ';
  const after = around.after ?? ' ';
  const hasTilde = chars.filter((c) => c === '~').length > 1;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1] ?? after;
    const rest = () => chars.slice(i + 1).join('');
    let escape = false;
    switch (c) {
      case '\\':
        // A backslash is literal unless punctuation follows it (or the line ends after it).
        escape = ASCII_PUNCT.test(next) || i === chars.length - 1;
        break;
      case '`':
        escape = true;
        break;
      case '*':
      case '_': {
        let end = i;
        while (chars[end + 1] === c) end++;
        const active = delimiterActive(c, chars[i - 1] ?? before, chars[end + 1] ?? after);
        const run = chars.slice(i, end + 1).join('');
        out += active ? run.replace(/[*_]/g, (d) => `\\${d}`) : run;
        i = end;
        continue;
      }
      case '[':
        // Only a `[` followed somewhere by `](` can start a link or image here.
        escape = rest().includes('](');
        break;
      case '<':
        // Raw HTML and autolinks need a closing `>` and no space after the `<`.
        escape = next !== ' ' && rest().includes('>');
        break;
      case '&':
        escape = ENTITY.test(chars.slice(i).join(''));
        break;
      case '~':
        escape = hasTilde;
        break;
    }
    out += escape ? `\\${c}` : c;
  }
  return out;
}

const BLOCK_START = [
  /^#{1,6}(?:[ \t]|$)/, // ATX heading
  /^>/, // block quote
  /^[-+*](?:[ \t]|$)/, // bullet list item
  /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/, // thematic break
  /^(?:=+|-+)[ \t]*$/, // setext heading underline
  /^(?:`{3,}|~{3,})/, // code fence
  /^<[A-Za-z/!?]/, // HTML block
  /^\[[^\]]*\]:/, // link reference definition
];
const ORDERED = /^(\d{1,9})([.)])(?:[ \t]|$)/;

/**
 * Escapes text that starts a line (the lines of a note): a leading marker is escaped, and leading
 * spaces are kept (as a `&#32;` reference for the first, so they neither start indented code nor
 * get stripped from a continuation line).
 */
export function escapeLineStart(text: string, around: Pick<Around, 'after'> = {}): string {
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const body = text.slice(indent.length);
  const lead = indent === '' ? '' : `&#${indent.charCodeAt(0)};${indent.slice(1)}`;
  const escapedBody = (): string => {
    if (indent !== '') return escapeInline(body, { before: ' ', after: around.after });
    const ordered = ORDERED.exec(body);
    if (ordered) {
      const [, digits = '', mark = ''] = ordered;
      return `${digits}\\${mark}${escapeInline(body.slice(digits.length + 1), { before: mark, after: around.after })}`;
    }
    if (BLOCK_START.some((re) => re.test(body))) {
      const first = Array.from(body)[0] ?? '';
      return `\\${first}${escapeInline(body.slice(first.length), { before: first, after: around.after })}`;
    }
    return escapeInline(body, { before: ' ', after: around.after });
  };
  // A pipe makes a table row in GitHub's Markdown when the next line is a delimiter row.
  return lead + escapedBody().replace(/(?<!\\)\|/g, '\\|');
}

/** Escapes an ATX heading's text: inline escapes, and a trailing run of `#` kept as text. */
export function escapeHeading(text: string): string {
  const escaped = escapeInline(text);
  // `# Issue #` would lose its last `#` as a closing sequence (§4.2).
  return escaped.replace(/(^|[ \t])(#+)$/, (_, space: string, hashes: string) => `${space}\\${hashes}`);
}
