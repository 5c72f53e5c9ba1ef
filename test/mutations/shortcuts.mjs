// Named mutations of the global shortcuts for the mutation check (scripts/mutationCheck.mjs). Each
// breaks one promise the way a plausible slip would; `tests` are the files that must fail.
const unit = ['test/unit/shortcuts/accelerator.test.ts', 'test/unit/shortcuts/conflicts.test.ts', 'test/unit/shortcuts/keyEvent.test.ts'];
const service = ['test/unit/shortcuts/shortcutService.test.ts', 'test/unit/shell/globalShortcuts.test.ts'];

export const mutations = [
  {
    name: 'shortcut-cmdorctrl-always-ctrl',
    what: 'CommandOrControl is read as Ctrl on macOS too, so clashes with ⌘ keys go unnoticed',
    edits: [{ file: 'shared/shortcuts/accelerator.ts', from: "held.add(platform === 'darwin' ? 'meta' : 'ctrl')", to: "held.add('ctrl')" }],
    tests: unit,
  },
  {
    name: 'shortcut-swallows-typing',
    what: 'a letter without Ctrl, Alt or ⌘ becomes a global shortcut and stops typing in every app',
    edits: [
      { file: 'shared/shortcuts/accelerator.ts', from: '  if (holding || ALONE_IS_FINE.test(a.key)) return null;', to: '  return null;' },
    ],
    tests: unit,
  },
  {
    name: 'shortcut-ignores-window-keys',
    what: 'keys the window uses itself (Ctrl+K, Ctrl+C …) are accepted as a global shortcut',
    edits: [
      {
        file: 'shared/shortcuts/conflicts.ts',
        from: '  const inWindow = inWindowUse(a, platform);',
        to: '  const inWindow = null as string | null;',
      },
    ],
    tests: unit,
  },
  {
    name: 'shortcut-old-keys-kept',
    what: 'changing a shortcut leaves the old keys registered, still acting',
    edits: [
      {
        file: 'electron/core/shortcuts/shortcutService.ts',
        from: '      this.d.port.unregister(accelerator);\n      this.registered.delete(action);',
        to: '      this.registered.delete(action);',
      },
    ],
    tests: service,
  },
  {
    name: 'shortcut-recording-not-paused',
    what: 'the shortcuts keep acting while the Settings field records keys, so the current keys never reach it',
    edits: [{ file: 'electron/core/shortcuts/shortcutService.ts', from: '    else this.d.port.setSuspended(true);', to: '' }],
    tests: service,
  },
  {
    name: 'shortcut-taken-shown-active',
    what: 'keys another app holds are shown as working',
    edits: [
      { file: 'electron/core/shortcuts/registry.ts', from: "    : { state: 'taken', message", to: "    : { state: 'active', message" },
    ],
    tests: ['test/unit/shortcuts/registry.test.ts', ...service],
  },
  {
    name: 'shortcut-sends-any-clipboard-text',
    what: 'the send shortcut sends whatever the clipboard holds, not only a meeting link',
    edits: [{ file: 'electron/core/shortcuts/shortcutActions.ts', from: 'if (!looksLikeMeetingLink(text)) {', to: 'if (!text) {' }],
    tests: ['test/unit/shortcuts/shortcutActions.test.ts'],
  },
  {
    name: 'shortcut-overlay-never-hides',
    what: 'the overlay shortcut shows the overlay but never hides it',
    edits: [{ file: 'electron/core/shortcuts/shortcutActions.ts', from: "  if (input.overlayOpen) return { kind: 'close' };", to: '' }],
    tests: ['test/unit/shortcuts/shortcutActions.test.ts'],
  },
  {
    name: 'shortcut-kept-at-quit',
    what: 'the keys stay taken from other apps after will-quit',
    edits: [{ file: 'electron/main/shell/globalShortcuts.ts', from: '    if (app.isReady()) globalShortcut.unregisterAll();', to: '' }],
    tests: ['test/unit/shell/globalShortcuts.test.ts'],
  },
  {
    name: 'shortcut-wayland-not-detected',
    what: 'a Wayland session is treated like X11, so the card claims keys work that the portal never bound',
    edits: [
      {
        file: 'electron/main/shell/globalShortcuts.ts',
        from: "return overlayOnTopSupport(facts) === 'manual' ? 'portal' : 'native';",
        to: "return 'native';",
      },
    ],
    tests: ['test/unit/shell/globalShortcuts.test.ts'],
  },
  {
    name: 'shortcut-not-registered-at-start',
    what: 'the stored shortcuts are registered only once Settings is opened',
    edits: [{ file: 'electron/core/shortcuts/index.ts', from: '  service.apply();\n  return {', to: '  return {' }],
    tests: ['test/integration/core/shortcuts.test.ts'],
  },
  {
    name: 'shortcut-kept-after-close',
    what: 'closing the core leaves the global shortcuts registered',
    edits: [{ file: 'electron/core/createCore.ts', from: '    shortcuts.stop();\n', to: '' }],
    tests: ['test/integration/core/shortcuts.test.ts'],
  },
];
