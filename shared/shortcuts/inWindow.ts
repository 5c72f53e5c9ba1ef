import type { ShortcutPlatform } from './accelerator';

/**
 * The keys the app itself uses while its window has the focus: a global shortcut on the same keys
 * would take them away from the window (the OS hands a registered global shortcut the key press
 * first). The screen keys are renderer/app/Shell.tsx's and the features' own (README "Keyboard");
 * the menu keys are those of the app menu (electron/main/shell/appMenu.ts), whose roles carry
 * Electron's default accelerators (MenuItem `role`, electron.d.ts). Keys without Ctrl, ⌘ or Alt
 * (Escape, Enter, /) never reach this list: a global shortcut needs one of them anyway.
 */
export interface InWindowShortcut {
  accelerator: string;
  /** Only there: the macOS app menu has keys the others' menus do not. */
  on?: readonly ShortcutPlatform[];
  /** What the keys do in the window, completing "… is what the app uses inside its window to …". */
  does: string;
}

const screens = ['open Launch', 'open Live', 'open the Library', 'open Settings', 'open Admin'];

export const IN_WINDOW_SHORTCUTS: readonly InWindowShortcut[] = [
  ...screens.map((does, i) => ({ accelerator: `CommandOrControl+${i + 1}`, does })),
  { accelerator: 'CommandOrControl+K', does: 'search the library' },
  { accelerator: 'CommandOrControl+F', does: 'find in a transcript' },
  { accelerator: 'CommandOrControl+E', does: 'export a transcript' },
  { accelerator: 'CommandOrControl+Return', does: 'save a meeting’s notes' },
  { accelerator: 'Alt+Left', does: 'go back to the list' },
  { accelerator: 'CommandOrControl+,', does: 'open Settings' },
  { accelerator: 'CommandOrControl+C', does: 'copy' },
  { accelerator: 'CommandOrControl+X', does: 'cut' },
  { accelerator: 'CommandOrControl+V', does: 'paste' },
  { accelerator: 'CommandOrControl+A', does: 'select all' },
  { accelerator: 'CommandOrControl+Z', does: 'undo' },
  { accelerator: 'Shift+CommandOrControl+Z', does: 'redo' },
  { accelerator: 'Control+Y', does: 'redo', on: ['win32', 'linux'] as const },
  { accelerator: 'Alt+Shift+Command+V', does: 'paste and match style', on: ['darwin'] as const },
  { accelerator: 'CommandOrControl+Q', does: 'quit' },
  { accelerator: 'CommandOrControl+W', does: 'close the window' },
  { accelerator: 'CommandOrControl+M', does: 'minimise the window' },
  { accelerator: 'Command+H', does: 'hide the app', on: ['darwin'] as const },
  { accelerator: 'Command+Alt+H', does: 'hide the other apps', on: ['darwin'] as const },
  { accelerator: 'Control+Command+F', does: 'go full screen', on: ['darwin'] as const },
  { accelerator: 'CommandOrControl+0', does: 'reset the zoom' },
  { accelerator: 'CommandOrControl+Plus', does: 'zoom in' },
  { accelerator: 'CommandOrControl+=', does: 'zoom in' },
  { accelerator: 'CommandOrControl+-', does: 'zoom out' },
];
