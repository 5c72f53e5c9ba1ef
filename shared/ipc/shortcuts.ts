import { z } from 'zod';
import { OverlayModeSchema } from './models';
import { ServerIdInput } from './servers';
import { ShortcutActionSchema } from './shortcutSettings';

/**
 * Global shortcuts: keys that act while another app has the focus. Each action has one
 * accelerator (Electron's grammar, shared/shortcuts/accelerator.ts) or none (turned off).
 */

/**
 * - `active`: registered; the keys work from any app.
 * - `requested`: asked of the desktop (Wayland's portal), which decides and may ask the person.
 * - `taken`: another app holds these keys.
 * - `off`: turned off in Settings.
 * - `unavailable`: this desktop lets no app register global shortcuts.
 * - `conflict`: the same keys as another of the app's shortcuts, or keys the window uses.
 * - `invalid`: the settings file holds text that is not a shortcut.
 */
export const ShortcutStateSchema = z.enum(['active', 'requested', 'taken', 'off', 'unavailable', 'conflict', 'invalid']);
export type ShortcutState = z.infer<typeof ShortcutStateSchema>;

export const ShortcutViewSchema = z.object({
  action: ShortcutActionSchema,
  label: z.string(),
  /** As stored (Electron's spelling), or null when off. */
  accelerator: z.string().nullable(),
  /** The keys as a person reads them on this computer ("Ctrl+Alt+Shift+B", "⌥⇧⌘B"). */
  keys: z.string().nullable(),
  state: ShortcutStateSchema,
  /** The state in words a person can act on. */
  message: z.string(),
});
export type ShortcutView = z.infer<typeof ShortcutViewSchema>;

export const ShortcutsViewSchema = z.object({
  /**
   * `native`: the OS registers shortcuts (Windows, macOS, X11); `portal`: Wayland's
   * GlobalShortcuts portal; `none`: no way to register them here (the browser-served app).
   */
  support: z.enum(['native', 'portal', 'none']),
  /** While the person records new keys, the shortcuts do not act (so the keys reach the field). */
  paused: z.boolean(),
  items: z.array(ShortcutViewSchema),
});
export type ShortcutsView = z.infer<typeof ShortcutsViewSchema>;

const Empty = z.undefined().or(z.null()).or(z.object({}).strict());

export const shortcutChannels = {
  'shortcuts:get': { input: Empty, output: ShortcutsViewSchema },
  /**
   * Sets (or with null turns off) one shortcut and registers it at once. Keys that do not parse,
   * that another of the app's shortcuts or the window already uses, or that would swallow typing
   * are refused (`shortcut_refused`) with the reason, and nothing changes.
   */
  'shortcuts:set': {
    input: z.object({ action: ShortcutActionSchema, accelerator: z.string().max(200).nullable() }).strict(),
    output: ShortcutsViewSchema,
  },
  /** The Settings field records keys: the shortcuts stop acting until `active: false` (or a minute passes). */
  'shortcuts:recording': { input: z.object({ active: z.boolean() }).strict(), output: z.null() },
  /** The live meeting the window shows, if any: the overlay shortcut acts on it first. */
  'shortcuts:meetingInView': {
    input: z.object({ serverId: ServerIdInput, meetingId: z.number().int() }).strict().nullable(),
    output: z.null(),
  },
} as const;

export const shortcutEvents = {
  /** A shortcut was set, registered, refused by the OS or paused. */
  'shortcuts:changed': ShortcutsViewSchema,
  /** The overlay shortcut opened or closed the caption overlay (the page shows a panel in the browser). */
  'overlay:changed': z.object({
    overlay: z.object({ serverId: z.string(), meetingId: z.number(), mode: OverlayModeSchema }).nullable(),
  }),
} as const;
