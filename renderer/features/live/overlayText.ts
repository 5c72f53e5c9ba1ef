/** The end of a long caption (the newest words), cut at a word boundary: overlays and tiles show what was said last. */
export function tailText(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(t.length - max);
  const space = cut.indexOf(' ');
  return `…${space > 0 && space < max / 3 ? cut.slice(space + 1) : cut}`;
}

/** The overlay window's size at the default text size (electron/main/shell/overlayWindow.ts OVERLAY_SIZE). */
const OVERLAY_BASE = { fontSize: 20, width: 560, height: 190 } as const;

/**
 * The size the overlay window asks for at a caption text size: it grows and shrinks with the text,
 * so the same three turns stay readable. On Windows and Linux this is the only way its size changes
 * (a frameless transparent window has no edges to drag); the desktop shell keeps it on screen.
 */
export function overlayWindowSize(fontSize: number): { width: number; height: number } {
  const scale = fontSize / OVERLAY_BASE.fontSize;
  return { width: Math.round(OVERLAY_BASE.width * scale), height: Math.round(OVERLAY_BASE.height * scale) };
}
