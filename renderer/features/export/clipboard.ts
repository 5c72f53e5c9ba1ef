import { api, inBrowser } from '../../platform/api';
import { pageClipboardEnvironment, writeBrowserClipboard } from '../../platform/browserClipboard';

/**
 * Copies a short string the window already shows (a share link or token): in the desktop app
 * through the core's clipboard (the window has no clipboard permission), in a browser straight
 * to the browser's clipboard; a selection copy of a hidden field is the fallback either way.
 */
export async function copyText(text: string): Promise<boolean> {
  if (inBrowser) return (await writeBrowserClipboard(pageClipboardEnvironment(), text)).ok || copyBySelection(text);
  const r = await api.invoke('clipboard:writeText', { text });
  return r.ok ? true : copyBySelection(text);
}

function copyBySelection(text: string): boolean {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = document.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.className = 'clipboard-scratch';
  // Inside an open modal dialog, the rest of the page is inert and cannot hold a selection.
  (document.querySelector('dialog[open]') ?? document.body).append(field);
  field.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  active?.focus();
  return copied;
}
