import type { AppInfo } from '../app/store';
import { Card } from '../../app/theme';
import { SwitchSetting } from './SwitchSetting';

/**
 * Only the desktop app on Windows and Linux has a choice to make here: the browser-served app
 * has no window of its own, and on macOS closing the window never quits (the app stays in the Dock).
 */
export function showsDesktopSection(info: Pick<AppInfo, 'transport' | 'os'>): boolean {
  return info.transport === 'electron' && info.os !== 'darwin';
}

export function DesktopSection() {
  return (
    <Card title="Desktop" description="What happens when you close the window.">
      <SwitchSetting
        setting="closeToTray"
        label="Keep running in the tray when the window is closed"
        help="Lobby alerts keep coming while the window is closed. Click the tray icon to open the window again; choose Quit Vexa Companion in its menu to quit. When this is off, closing the window quits the app."
        announceOn="The app keeps running in the tray when the window is closed."
        announceOff="Closing the window quits the app."
      />
    </Card>
  );
}
