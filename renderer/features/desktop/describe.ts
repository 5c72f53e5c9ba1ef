import type { LoginItemStatus, LoginItemView } from '../../../shared/ipc/desktop';
import type { AppState } from '../../../shared/ipc/models';

/** What the system said, in a few words beside the switch. */
export const LOGIN_ITEM_STATUS_WORDS: Record<LoginItemStatus, string> = {
  on: 'On: the app starts, hidden in the tray, when you log in.',
  off: 'Off: the app does not start when you log in.',
  'needs-approval': 'Waiting for your approval in macOS.',
  'disabled-by-user': 'Turned off in Windows.',
  unavailable: 'Not available here.',
  failed: 'The system did not do what was asked.',
};

/** The switch shows what the system does, not what was asked: only `on` is on. */
export function loginSwitchChecked(view: LoginItemView | null): boolean {
  return view?.status === 'on';
}

/** The card's sentence under the switch; macOS 13+ does not tell an app it was opened at login. */
export function startAtLoginHelp(os: AppState['os']): string {
  const base = 'Lobby alerts reach you without opening the app first. It waits in the tray; open it from there.';
  if (os === 'darwin') return `${base} macOS 13 and later do not tell an app it was opened at login, so there the window opens too.`;
  if (os === 'linux') return `${base} On Linux this adds Vexa Companion to your autostart folder (~/.config/autostart).`;
  return base;
}
