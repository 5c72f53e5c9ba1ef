import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { LoginItemView } from '../../../shared/ipc/desktop';
import type { Handler } from '../../../shared/ipc/dispatch';
import type { Logger } from '../ports';
import type { SettingsStore } from '../settings';
import { StorageError } from '../storageNotice';
import type { LoginItemReading, LoginItems } from './ports';

/**
 * The Settings card's view: the OS's answer first (the person may have changed it outside the
 * app), the stored wish beside it, and a sentence whenever the two disagree or the OS holds the
 * item back.
 */
export function loginItemView(wanted: boolean, reading: LoginItemReading | { status: 'failed'; reason: string }): LoginItemView {
  // The adapter knows the platform's words (System Settings, Task Manager, the autostart folder).
  const said = reading.reason;
  switch (reading.status) {
    case 'on':
      return { wanted, status: 'on', canChange: true, message: said };
    case 'off':
      return {
        wanted,
        status: 'off',
        canChange: true,
        // Removed from the OS's list since it was turned on here: the OS decides, the switch follows it.
        message:
          said ??
          (wanted ? 'The app was removed from the apps that start at login outside Vexa Companion. Turn this on to add it again.' : null),
      };
    case 'needs-approval':
      return {
        wanted,
        status: 'needs-approval',
        canChange: true,
        message: said ?? 'macOS needs your approval: open System Settings › General › Login Items and allow Vexa Companion.',
      };
    case 'disabled-by-user':
      return {
        wanted,
        status: 'disabled-by-user',
        canChange: true,
        message: said ?? 'Starting at login is switched off in the system’s list of startup apps. Switch it on there.',
      };
    case 'unavailable':
      return { wanted, status: 'unavailable', canChange: false, message: said ?? 'This app cannot start at login here.' };
    case 'failed':
      return { wanted, status: 'failed', canChange: true, message: said };
  }
}

export interface DesktopHandlerDeps {
  loginItems: LoginItems;
  settings: SettingsStore;
  logger: Logger;
  emitState(): void;
}

type DesktopHandlers = {
  'desktop:loginItem': Handler<'desktop:loginItem'>;
  'desktop:setStartAtLogin': Handler<'desktop:setStartAtLogin'>;
};

export function createDesktopHandlers({ loginItems, settings, logger, emitState }: DesktopHandlerDeps): DesktopHandlers {
  const wanted = (): boolean => settings.settings.desktop.startAtLogin;
  const readBack = async (): Promise<LoginItemView> => {
    try {
      return loginItemView(wanted(), await loginItems.read());
    } catch (e) {
      logger.warn('Could not read the login items', { error: String(e) });
      return loginItemView(wanted(), { status: 'failed', reason: 'The system did not say whether the app starts at login.' });
    }
  };
  return {
    'desktop:loginItem': readBack,
    'desktop:setStartAtLogin': async ({ enabled }) => {
      const before = await loginItems.read().catch(() => null);
      if (before?.status === 'unavailable')
        throw new UserFacingError('login_item_unavailable', before.reason ?? 'This app cannot start at login.');
      let refused: string | null = null;
      try {
        await loginItems.set(enabled);
      } catch (e) {
        logger.warn('The system refused the login item change', { enabled, error: String(e) });
        refused = `The system refused to ${enabled ? 'add' : 'remove'} the app ${enabled ? 'to' : 'from'} the apps that start at login.`;
      }
      // The wish is kept even when the OS refused it, so the card can say what was asked and what the OS did.
      try {
        settings.update({ desktop: { ...settings.settings.desktop, startAtLogin: enabled } });
      } catch (e) {
        if (!(e instanceof StorageError)) throw e;
        logger.warn('Could not save the start-at-login setting', { code: e.fault.code });
      }
      emitState();
      const view = await readBack();
      return refused ? { ...view, status: 'failed', message: `${refused} ${view.message ?? ''}`.trim() } : view;
    },
  };
}
