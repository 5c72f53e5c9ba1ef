/**
 * The browser's own clipboard, for the app opened in a browser (the desktop app's clipboard is
 * the core's). The Async Clipboard API refuses with `NotAllowedError` when the tab is not in
 * front or the person (or a site setting) said no, and is missing outside a secure context
 * (127.0.0.1 counts as one). Each refusal is said in words a person can act on. Kept free of
 * global DOM lookups (the environment is passed in) so it is tested in Node.
 */

export interface ClipboardEnvironment {
  clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } | undefined;
  /** Whether the tab is in front (`document.hasFocus()`): browsers refuse a background tab. */
  hasFocus(): boolean;
}

export type ClipboardOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

export const NO_CLIPBOARD_API =
  'This browser does not let the page use the clipboard. Open the app at its 127.0.0.1 address, or use the desktop app.';
export const NOT_IN_FRONT = 'The browser lets a page use the clipboard only while its tab is in front. Click the page and try again.';
export const WRITE_REFUSED =
  'The browser would not let the page copy. Allow clipboard access for this page in the browser’s site settings (the icon left of the address) and try again.';
export const READ_REFUSED =
  'The browser would not let the page read the clipboard. Allow clipboard access for this page in the browser’s site settings (the icon left of the address), or paste the link into the field.';

/** The words for a failed clipboard call. */
export function clipboardRefusal(kind: 'write' | 'read', inFront: boolean): string {
  if (!inFront) return NOT_IN_FRONT;
  return kind === 'write' ? WRITE_REFUSED : READ_REFUSED;
}

export async function writeBrowserClipboard(env: ClipboardEnvironment, text: string): Promise<ClipboardOutcome<null>> {
  if (!env.clipboard) return { ok: false, message: NO_CLIPBOARD_API };
  try {
    await env.clipboard.writeText(text);
    return { ok: true, value: null };
  } catch {
    return { ok: false, message: clipboardRefusal('write', env.hasFocus()) };
  }
}

/** Reads the clipboard; the browser may ask the person first (Chromium's clipboard-read prompt). */
export async function readBrowserClipboard(env: ClipboardEnvironment): Promise<ClipboardOutcome<string>> {
  if (!env.clipboard) return { ok: false, message: NO_CLIPBOARD_API };
  try {
    return { ok: true, value: await env.clipboard.readText() };
  } catch {
    return { ok: false, message: clipboardRefusal('read', env.hasFocus()) };
  }
}

/** The page's clipboard, as this tab sees it. */
export function pageClipboardEnvironment(): ClipboardEnvironment {
  return {
    // Missing outside a secure context, although the type says otherwise.
    clipboard: (navigator.clipboard as Clipboard | undefined) ?? undefined,
    hasFocus: () => document.hasFocus(),
  };
}
