import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoginItemReading } from '../../core/desktop/ports';
import { HIDDEN_ARG } from './startHidden';

/**
 * Starting at login on Linux. Electron has no login-item API there (`setLoginItemSettings` is
 * darwin and win32 only), so the app writes an XDG autostart entry: a desktop file in
 * `$XDG_CONFIG_HOME/autostart` (`~/.config/autostart` when unset), which GNOME, KDE, Xfce and the
 * other XDG desktops start at login (Desktop Application Autostart Specification).
 */

export const AUTOSTART_FILE = 'vexa-companion.desktop';

/** `$XDG_CONFIG_HOME/autostart`; the spec says a relative or empty XDG_CONFIG_HOME is ignored. */
export function autostartDir(env: Record<string, string | undefined>, home: string): string {
  const config = env.XDG_CONFIG_HOME;
  return join(config && config.startsWith('/') ? config : join(home, '.config'), 'autostart');
}

/**
 * One argument of the Exec key, quoted. Desktop Entry Specification, "The Exec key": inside double
 * quotes `"`, `` ` ``, `$` and `\` are escaped with a backslash; `%` starts a field code and is
 * written `%%`; and the string-value escapes apply first, so each backslash is doubled again (a
 * literal backslash is written as four).
 */
export function execArg(arg: string): string {
  const quoted = arg.replaceAll('%', '%%').replace(/["`$\\]/g, (c) => `\\${c}`);
  return `"${quoted.replaceAll('\\', '\\\\')}"`;
}

/** The autostart entry that runs `executable` hidden in the tray. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Vexa Companion',
    'Comment=Starts Vexa Companion hidden in the tray, so lobby alerts reach you.',
    `Exec=${execArg(executable)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** What an existing entry says: this app's, someone else's (another copy), or switched off by the desktop. */
export function readAutostartEntry(text: string, executable: string): LoginItemReading {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const value = (key: string): string | undefined => lines.find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1);
  // Hidden=true means "deleted" in the spec; GNOME's "Startup Applications" writes the other key.
  if (value('Hidden') === 'true' || value('X-GNOME-Autostart-enabled') === 'false')
    return {
      status: 'disabled-by-user',
      reason: 'Starting at login is switched off in your desktop’s startup applications. Turn this on to switch it back on.',
    };
  if (value('Exec') !== `${execArg(executable)} ${HIDDEN_ARG}`)
    return {
      status: 'off',
      reason: 'The autostart entry starts another copy of the app (it was moved or updated). Turn this on to start this copy instead.',
    };
  return { status: 'on', reason: null };
}

export interface AutostartFiles {
  read(file: string): Promise<string | null>;
  write(file: string, text: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export const nodeAutostartFiles: AutostartFiles = {
  read: (file) =>
    readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    }),
  async write(file, text) {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, text, { mode: 0o644 });
  },
  remove: (file) => rm(file, { force: true }),
};

export function xdgAutostart({ dir, executable, files = nodeAutostartFiles }: { dir: string; executable: string; files?: AutostartFiles }) {
  const file = join(dir, AUTOSTART_FILE);
  return {
    file,
    async read(): Promise<LoginItemReading> {
      const text = await files.read(file);
      return text === null ? { status: 'off', reason: null } : readAutostartEntry(text, executable);
    },
    async set(enabled: boolean): Promise<void> {
      if (enabled) await files.write(file, autostartEntry(executable));
      else await files.remove(file);
    },
  };
}
