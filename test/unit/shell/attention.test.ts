import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createElectronAttention,
  lobbyDescription,
  type AttentionWindow,
  type ElectronAttentionDeps,
} from '../../../electron/main/shell/attention';

type NativeImage = ReturnType<ElectronAttentionDeps['overlayIcon']>;

/** A window and `app` shaped by electron.d.ts (Electron 45), recording what the app asked of the OS. */
function fakes(platform: NodeJS.Platform) {
  const log: string[] = [];
  let focused = false;
  let bounceIds = 0;
  const icon = { isEmpty: () => false } as unknown as NativeImage;
  const win: AttentionWindow = {
    flashFrame: (flag) => void log.push(`flash ${flag}`),
    setOverlayIcon: (overlay, description) => void log.push(`overlay ${overlay === null ? 'none' : 'icon'} "${description}"`),
    isDestroyed: () => false,
  };
  let current: AttentionWindow | null = win;
  const deps: ElectronAttentionDeps = {
    platform,
    app: {
      setBadgeCount: (count) => {
        log.push(`badge ${count ?? 0}`);
        return true;
      },
      dock: {
        // Dock docs: returns -1 while the app is focused.
        bounce: (type) => {
          log.push(`bounce ${type}`);
          return focused ? -1 : ++bounceIds;
        },
        cancelBounce: (id) => void log.push(`cancel bounce ${id}`),
      },
    },
    window: () => current,
    appFocused: () => focused,
    overlayIcon: () => icon,
  };
  return {
    log,
    attention: createElectronAttention(deps),
    focus: (f: boolean) => void (focused = f),
    closeWindow: () => void (current = null),
    reopenWindow: () => void (current = win),
  };
}

describe('the lobby badge and attention on each desktop', () => {
  it('macOS: the Dock badge counts the bots in the lobby; a new wait bounces once while the app is not in front; focus cancels it', () => {
    const { log, attention, focus } = fakes('darwin');
    attention.setLobbyCount(1);
    attention.requestAttention();
    expect(attention.snapshot()).toEqual({ badge: 1, requests: 1, requesting: true });
    attention.focused();
    focus(true);
    attention.setLobbyCount(2);
    // In front: the person sees the lobby banner already.
    attention.requestAttention();
    attention.setLobbyCount(0);
    expect(log).toEqual(['badge 1', 'bounce informational', 'cancel bounce 1', 'badge 2', 'badge 0']);
    expect(attention.snapshot()).toEqual({ badge: 0, requests: 1, requesting: false });
  });

  it('Windows: the taskbar overlay icon carries the count in its description; the flash stops on focus or when nobody waits', () => {
    const { log, attention } = fakes('win32');
    attention.setLobbyCount(2);
    attention.requestAttention();
    attention.focused();
    attention.requestAttention();
    attention.setLobbyCount(0);
    expect(log).toEqual([
      'overlay icon "2 bots are waiting in the lobby"',
      'flash true',
      'flash false',
      'flash true',
      'overlay none ""',
      'flash false',
    ]);
  });

  it('Windows: a window opened again gets the badge back (the overlay belongs to a taskbar button)', () => {
    const { log, attention, closeWindow, reopenWindow } = fakes('win32');
    closeWindow();
    attention.setLobbyCount(1);
    attention.requestAttention();
    reopenWindow();
    attention.windowCreated();
    expect(log).toEqual(['overlay icon "A bot is waiting in the lobby"']);
  });

  it('Linux: the launcher badge and the window urgency hint', () => {
    const { log, attention } = fakes('linux');
    attention.setLobbyCount(1);
    attention.requestAttention();
    attention.focused();
    expect(log).toEqual(['badge 1', 'flash true', 'flash false']);
  });

  it('words the count for the taskbar and screen readers', () => {
    expect([0, 1, 3].map(lobbyDescription)).toEqual(['', 'A bot is waiting in the lobby', '3 bots are waiting in the lobby']);
  });
});

// Electron app docs (setBadgeCount): on Linux the badge is tied to the app's `.desktop` file, so
// `desktopName` in package.json must name it; electron-builder names that file after the
// executable, which is the package name (LinuxTargetHelper getDesktopFileName).
it('names the desktop file the Linux launcher badge is drawn on', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; desktopName?: string };
  expect(pkg.desktopName).toBe(`${pkg.name}.desktop`);
});
