import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { Handler } from '../../../shared/ipc/dispatch';
import { DEFAULT_SHORTCUTS, type ShortcutAction } from '../../../shared/ipc/shortcutSettings';
import type { shortcutChannels } from '../../../shared/ipc/shortcuts';
import { displayAcceleratorText, type ShortcutPlatform } from '../../../shared/shortcuts/accelerator';
import type { Connections } from '../connections/connections';
import type { Sessions } from '../connections/sessions';
import type { Clipboard, Clock, Logger, Notifier, OverlayWindows } from '../ports';
import type { SettingsStore } from '../settings';
import { createShortcutActions, type MeetingInView } from './shortcutActions';
import { ShortcutService, type GlobalShortcutPort } from './shortcutService';

export { noGlobalShortcuts, type GlobalShortcutPort } from './shortcutService';

/** What the desktop shell hands the core for global shortcuts. */
export interface ShortcutShell {
  port: GlobalShortcutPort;
  /** Brings the main window to the front (made if it is gone). */
  showApp(): void;
}

export type ShortcutHandlerTable = { [C in keyof typeof shortcutChannels]: Handler<C> };

export interface ShortcutDeps {
  shell: ShortcutShell;
  os: NodeJS.Platform;
  settings: SettingsStore;
  connections: Connections;
  sessions: Sessions;
  clipboard: Clipboard;
  notifier: Notifier;
  overlays: OverlayWindows;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The settings changed: the window's copy of them follows. */
  emitState(): void;
  clock: Clock;
  logger: Logger;
}

const platformOf = (os: NodeJS.Platform): ShortcutPlatform => (os === 'darwin' || os === 'win32' || os === 'linux' ? os : 'other');

/** The shortcut service with its actions and channels; registers the stored shortcuts at once. */
export function createShortcuts(d: ShortcutDeps): { handlers: ShortcutHandlerTable; stop(): void } {
  const platform = platformOf(d.os);
  let inView: MeetingInView | null = null;
  // The store fills a key missing from the file with its default (ShortcutSettingsSchema).
  const read = () => d.settings.settings.shortcuts;
  const actions = createShortcutActions({
    clipboard: d.clipboard,
    launch: (link) => d.sessions.launch({ link }),
    launchTargetOf: (link) => d.sessions.launchTarget(link).serverId,
    followed: () => d.sessions.tracked(),
    servers: () => d.connections.list().map((c) => ({ id: c.id, label: c.label, removed: c.status === 'removed' })),
    notifier: d.notifier,
    overlays: d.overlays,
    overlayOpen: () => d.overlays.isOpen?.() ?? false,
    inView: () => inView,
    keysOf: (action: ShortcutAction) => displayAcceleratorText(read()[action] ?? DEFAULT_SHORTCUTS[action], platform),
    emit: d.emit,
    showApp: d.shell.showApp,
    clock: d.clock,
  });
  const service = new ShortcutService({
    port: d.shell.port,
    platform,
    settings: {
      read,
      save: (shortcuts) => {
        d.settings.update({ shortcuts });
        d.emitState();
      },
    },
    actions,
    onChange: (view) => d.emit('shortcuts:changed', view),
    clock: d.clock,
    logger: d.logger,
  });
  service.apply();
  return {
    handlers: {
      // Keys another app held may be free by now: each look at the card asks again.
      'shortcuts:get': async () => service.apply(),
      'shortcuts:set': async ({ action, accelerator }) => service.set(action, accelerator),
      'shortcuts:recording': async ({ active }) => {
        service.setRecording(active);
        return null;
      },
      'shortcuts:meetingInView': async (meeting) => {
        inView = meeting;
        return null;
      },
    },
    stop: () => service.stop(),
  };
}
