import { z } from 'zod';

/**
 * The global shortcuts the person chose, as kept in the settings. Imports nothing but zod: the
 * settings schema (models.ts) includes it, and shortcuts.ts (the channels) imports models.
 */

export const SHORTCUT_ACTIONS = ['sendBot', 'toggleOverlay', 'showApp'] as const;
export const ShortcutActionSchema = z.enum(SHORTCUT_ACTIONS);
export type ShortcutAction = z.infer<typeof ShortcutActionSchema>;

/**
 * Ctrl+Alt+Shift (⌘⌥⇧ on macOS) plus a letter: meeting apps, browsers and editors take most of
 * Ctrl+Shift+letter (Teams mutes on Ctrl+Shift+M, terminals paste on Ctrl+Shift+V), and none of
 * these three is a character AltGr+Shift types on the common European layouts.
 */
export const DEFAULT_SHORTCUTS: Record<ShortcutAction, string> = {
  sendBot: 'CommandOrControl+Alt+Shift+B',
  toggleOverlay: 'CommandOrControl+Alt+Shift+T',
  showApp: 'CommandOrControl+Alt+Shift+Space',
};

/** What each action does, as the Settings card and notifications name it. */
export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  sendBot: 'Send a bot to the meeting link on the clipboard',
  toggleOverlay: 'Show or hide the caption overlay',
  showApp: 'Bring Vexa Companion to the front',
};

// A hand-edited file may hold any text: it is kept and shown as not understood, never dropped.
const StoredAccelerator = z.string().max(200).nullable();

/** Stored in the settings; null turns the shortcut off. A key missing from the file takes its default. */
export const ShortcutSettingsSchema = z.object({
  sendBot: StoredAccelerator.default(DEFAULT_SHORTCUTS.sendBot),
  toggleOverlay: StoredAccelerator.default(DEFAULT_SHORTCUTS.toggleOverlay),
  showApp: StoredAccelerator.default(DEFAULT_SHORTCUTS.showApp),
});
export type ShortcutSettings = z.infer<typeof ShortcutSettingsSchema>;
