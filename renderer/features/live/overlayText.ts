/** The end of a long caption (the newest words), cut at a word boundary: overlays and tiles show what was said last. */
export function tailText(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(t.length - max);
  const space = cut.indexOf(' ');
  return `…${space > 0 && space < max / 3 ? cut.slice(space + 1) : cut}`;
}
