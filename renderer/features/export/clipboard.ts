/**
 * Copies a short string the window already shows (a share link or token). The asynchronous
 * clipboard API needs a permission the desktop window denies by default, so a selection copy
 * of a hidden field is the fallback; both run inside the click that asked for it.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
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
