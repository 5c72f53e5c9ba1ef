// Named mutations of the desktop shell for the mutation check (scripts/mutationCheck.mjs reads every
// file of this folder, one per area). Each breaks one guarantee the way a plausible slip would;
// `tests` are the test files that must fail when it is applied. `from` must occur exactly once in
// `file`, so a refactor that moves the code fails the check loudly instead of voiding the mutation.
export const mutations = [
  {
    name: 'external-link-javascript',
    what: 'a javascript: link passes the check for links opened in the browser',
    edits: [
      {
        file: 'electron/main/shell/navigation.ts',
        from: "  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;",
        to: "  if (typeof raw === 'string' && raw.startsWith('javascript:')) return raw;\n  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;",
      },
    ],
    tests: ['test/unit/shell/navigation.test.ts', 'test/unit/shell/hardening.test.ts'],
  },
  {
    name: 'window-unsandboxed',
    what: 'the main window runs without the Chromium sandbox',
    edits: [{ file: 'electron/main/shell/windowOptions.ts', from: '      sandbox: true,', to: '      sandbox: false,' }],
    tests: ['test/unit/shell/windowOptions.test.ts'],
  },
  {
    name: 'tray-label-mnemonic',
    what: "a meeting named with '&' loses it to a menu mnemonic in the tray",
    edits: [{ file: 'electron/main/shell/trayView.ts', from: "  return text.replaceAll('&', '&&');", to: '  return text;' }],
    tests: ['test/unit/shell/tray.test.ts'],
  },
  {
    name: 'session-end-skips-close',
    what: 'the OS ending the session (Windows logoff, macOS logout) quits without closing the cache',
    edits: [{ file: 'electron/main/quitGuard.ts', from: '      closeNow();', to: '      void closeNow;' }],
    tests: ['test/unit/shell/quitGuard.test.ts'],
  },
];
