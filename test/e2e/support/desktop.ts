import type { Core } from '../../../electron/core/app';
import type { AppState } from '../../../shared/ipc/models';

/**
 * The web harness standing in for the desktop app: the state reports the Electron transport and
 * an OS, as the real preload would, so the desktop-only parts of the window show.
 */
export function asDesktopApp(os: AppState['os']) {
  const desktop = (state: AppState): AppState => ({ ...state, transport: 'electron', os });
  return (core: Core): Core => ({
    ...core,
    handlers: { ...core.handlers, 'app:getState': async (input) => desktop(await core.handlers['app:getState'](input)) },
    onEvent: (listener) =>
      core.onEvent((event, payload) => listener(event, event === 'app:state' ? desktop(payload as AppState) : payload)),
  });
}
