/**
 * Release notes as plain text. electron-updater hands them over as the feed has them: the text of
 * `releaseNotes` in latest*.yml, the HTML of a GitHub release, or one `{ version, note }` per
 * version with `fullChangelog`. The window renders text only, never HTML, so tags are dropped
 * here and the common entities decoded.
 */
const MAX_NOTES = 20_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : null;
}

const looksLikeHtml = (text: string): boolean => /<\/?[a-z][^>]*>/i.test(text);

function htmlToText(html: string): string {
  // Line breaks in HTML source are spaces; only the tags break lines.
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n• ')
    .replace(/<\/(p|div|ul|ol|h[1-6]|pre|blockquote|table)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/ *\n */g, '\n');
  return decodeEntities(text);
}

function noteText(note: unknown): string {
  if (typeof note !== 'string') return '';
  const text = looksLikeHtml(note) ? htmlToText(note) : note;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function releaseNotesText(notes: unknown): string | null {
  let text: string;
  if (Array.isArray(notes)) {
    text = notes
      .map((n: unknown) => {
        const { version, note } = (n ?? {}) as { version?: unknown; note?: unknown };
        const body = noteText(note);
        return typeof version === 'string' && body ? `${version}\n${body}` : body;
      })
      .filter(Boolean)
      .join('\n\n');
  } else {
    text = noteText(notes);
  }
  if (!text) return null;
  return text.length > MAX_NOTES ? `${text.slice(0, MAX_NOTES).trimEnd()}…` : text;
}
