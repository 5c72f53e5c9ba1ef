import { create } from 'zustand';
import { looksLikeMeetingLink } from '../../../shared/meeting-link';
import { ClipboardIcon } from '../../app/theme/icons';
import { pageClipboardEnvironment, readBrowserClipboard, type ClipboardEnvironment } from '../../platform/browserClipboard';
import { useLaunchStore } from './store';

/**
 * "Use the link from the clipboard" in the app opened in a browser. The browser asks the person
 * before a page may read the clipboard, so the page never reads it on its own until that was
 * allowed: a button asks at the moment it matters, and once the browser says `granted` the link
 * is offered when the tab comes back to the front, as in the desktop app.
 */

export type ReadPermission = 'granted' | 'prompt' | 'denied' | 'unknown';

/** The browser's answer for `clipboard-read` (Chromium knows the name; others throw, hence `unknown`). */
export async function clipboardReadPermission(
  permissions: { query(d: { name: PermissionName }): Promise<{ state: PermissionState }> } | undefined,
): Promise<ReadPermission> {
  try {
    if (!permissions) return 'unknown';
    return (await permissions.query({ name: 'clipboard-read' as PermissionName })).state;
  } catch {
    return 'unknown';
  }
}

/** The clipboard's text when it is a meeting link (anything else, a key included, is left alone). */
export function meetingLinkOnClipboard(text: string): string | null {
  const trimmed = text.trim();
  return trimmed && trimmed.length <= 4000 && looksLikeMeetingLink(trimmed) ? trimmed : null;
}

export const NO_LINK_ON_CLIPBOARD =
  'Your clipboard holds no meeting link. Copy the meeting’s link, then try again, or paste it into the field.';

interface PasteState {
  /** Reading needs the person's yes first: the button is shown. */
  ask: boolean;
  note: string | null;
  set(patch: Partial<Pick<PasteState, 'ask' | 'note'>>): void;
}

const usePasteStore = create<PasteState>()((set) => ({ ask: false, note: null, set: (patch) => set(patch) }));

/**
 * On focus: the clipboard's meeting link when the browser already lets the page read it, null when
 * it holds something else, undefined when it could not be read (and the button shows).
 */
export async function browserClipboardLink(env: ClipboardEnvironment = pageClipboardEnvironment()): Promise<string | null | undefined> {
  const state = await clipboardReadPermission(navigator.permissions);
  usePasteStore.getState().set({ ask: state !== 'granted' });
  if (state !== 'granted') return undefined;
  const read = await readBrowserClipboard(env);
  return read.ok ? meetingLinkOnClipboard(read.value) : undefined;
}

/** The button: reads now (the browser may ask), and fills the field with the link it finds. */
export async function pasteFromBrowserClipboard(env: ClipboardEnvironment = pageClipboardEnvironment()): Promise<void> {
  const paste = usePasteStore.getState();
  const read = await readBrowserClipboard(env);
  if (!read.ok) return paste.set({ note: read.message });
  const link = meetingLinkOnClipboard(read.value);
  if (!link) return paste.set({ note: NO_LINK_ON_CLIPBOARD });
  paste.set({ note: null, ask: (await clipboardReadPermission(navigator.permissions)) !== 'granted' });
  useLaunchStore.getState().setLink(link);
}

export function BrowserClipboardPaste({ onUsed }: { onUsed(): void }) {
  const ask = usePasteStore((s) => s.ask);
  const note = usePasteStore((s) => s.note);
  const link = useLaunchStore((s) => s.link);
  const offer = useLaunchStore((s) => s.offer);
  const shown = ask && !link.trim() && !offer;
  return (
    <>
      {shown ? (
        <div className="clipboard-offer">
          <button type="button" className="clipboard-offer-use" onClick={() => void pasteFromBrowserClipboard().then(onUsed)}>
            <ClipboardIcon size={14} />
            <span>Paste the meeting link from your clipboard</span>
          </button>
        </div>
      ) : null}
      <div className="clipboard-note" role="status">
        {note && !link.trim() ? note : ''}
      </div>
    </>
  );
}
