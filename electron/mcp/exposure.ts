import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpSettingsSchema } from '../../shared/ipc/mcp';

/** The app's settings file in its data folder (`SETTINGS_FILE` in electron/core/createCore.ts). */
export const SETTINGS_FILE = 'settings.json';

/**
 * The servers whose meetings AI tools may read, from the settings file's parsed content. Anything
 * that is not the app's own shape shares nothing: a missing or damaged file, a missing `mcp` key
 * (a settings file written before AI tools existed), a list that is not a list of ids. Nothing is
 * shared until the person ticks a server in Settings.
 */
export function exposedServersIn(settings: unknown): string[] {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return [];
  const parsed = McpSettingsSchema.safeParse((settings as { mcp?: unknown }).mcp ?? {});
  if (!parsed.success) return [];
  return [...new Set(parsed.data.exposedServers.filter((id) => id.length > 0))];
}

/**
 * Read again on every tool call, so that unticking a server in Settings takes effect at the AI
 * client's next call, without restarting it. The app writes the file whole and renames it into
 * place (core/settings.ts), so a read never sees half a file.
 */
export function readExposedServers(dataDir: string): string[] {
  try {
    return exposedServersIn(JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')));
  } catch {
    return [];
  }
}
