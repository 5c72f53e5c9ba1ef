import { z } from 'zod';

/**
 * The desktop app's place in the OS: starting at login (hidden in the tray). The stored setting
 * is the person's last request; what the OS actually does is read back from it each time, since
 * the person can change it outside the app (System Settings, Task Manager, the autostart folder).
 */

export const DesktopSettingsSchema = z.object({
  /** Asked to start at login, hidden in the tray. Off until the person turns it on. */
  startAtLogin: z.boolean(),
});
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { startAtLogin: false };

/**
 * What the OS says about starting at login:
 * - `on` / `off`: registered or not;
 * - `needs-approval`: registered, but macOS waits for the person's approval in System Settings;
 * - `disabled-by-user`: registered, but turned off in the OS's own list (Task Manager on Windows);
 * - `unavailable`: this build or place cannot (a development build, the browser-served app);
 * - `failed`: the OS refused the last change or could not be read.
 */
export const LoginItemStatusSchema = z.enum(['on', 'off', 'needs-approval', 'disabled-by-user', 'unavailable', 'failed']);
export type LoginItemStatus = z.infer<typeof LoginItemStatusSchema>;

export const LoginItemViewSchema = z.object({
  /** The stored setting: what the person last asked for. */
  wanted: z.boolean(),
  status: LoginItemStatusSchema,
  /** Whether the switch can change anything here. */
  canChange: z.boolean(),
  /** What the state means and what to do, in words for the person; null when `on`/`off` match the wish. */
  message: z.string().nullable(),
});
export type LoginItemView = z.infer<typeof LoginItemViewSchema>;

const Empty = z.undefined().or(z.null()).or(z.object({}).strict());

export const desktopChannels = {
  /** Reads the OS's login items now. */
  'desktop:loginItem': { input: Empty, output: LoginItemViewSchema },
  /** Asks the OS to start the app at login (hidden in the tray) or not, stores the wish, and reads the OS back. */
  'desktop:setStartAtLogin': { input: z.object({ enabled: z.boolean() }).strict(), output: LoginItemViewSchema },
} as const;
