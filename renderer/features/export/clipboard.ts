import { api } from '../../platform/api';

/**
 * Copies a short string the window already shows (a share link or token) through the core's
 * clipboard, like every copy: the system's in the desktop app (the window has no clipboard
 * permission), this browser's in the browser version (electron/harness/pageClipboard.ts). A
 * selection copy of a hidden field is the fallback should that be refused.
 */
export async function copyText(text: string): Promise<boolean> {
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
