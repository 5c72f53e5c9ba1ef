// Named mutations of how the installed app updates itself (format: test/mutations/shell.mjs). Each
// breaks one guarantee the way a plausible slip would; `tests` must fail when it is applied, and
// each `from` occurs exactly once in its file.
const feed = ['test/integration/updates/electronUpdater.test.ts'];
const service = ['test/unit/core/updates/updateService.test.ts'];
const adapter = ['test/unit/shell/updater.test.ts'];
const texts = ['test/unit/core/updates/updateText.test.ts'];

export const mutations = [
  {
    name: 'update-download-failure-ignored',
    what: 'a download electron-updater refused (a tampered file) counts as downloaded, so Restart now would be offered',
    edits: [
      {
        file: 'electron/main/shell/updater.ts',
        from: '        await updater().downloadUpdate();',
        to: '        await updater().downloadUpdate().catch(() => []);',
      },
    ],
    tests: feed,
  },
  {
    name: 'update-same-version-offered',
    what: 'the check ignores electron-updater’s verdict and offers the feed’s version even when it is the same or older',
    edits: [{ file: 'electron/main/shell/updater.ts', from: '      return result.isUpdateAvailable', to: '      return true' }],
    tests: feed,
  },
  {
    name: 'update-restart-ignores-live-meetings',
    what: 'Restart now quits and installs while a bot is in a meeting without asking',
    edits: [
      {
        file: 'electron/core/updates/updateService.ts',
        from: '    if (live.length > 0 && !confirmLive) return',
        to: '    if (live.length < 0 && !confirmLive) return',
      },
    ],
    tests: [...feed, ...service],
  },
  {
    name: 'update-turned-off-installs-at-quit',
    what: 'turning updates off stops the checks but a downloaded update still installs when the app quits',
    edits: [{ file: 'electron/core/updates/updateService.ts', from: '    this.d.updater.setInstallOnQuit(enabled);\n', to: '' }],
    tests: service,
  },
  {
    name: 'update-no-periodic-check',
    what: 'after the check at start the app never looks again until it restarts',
    edits: [
      {
        file: 'electron/core/updates/updateService.ts',
        from: ' this.schedule(this.d.everyMs ?? CHECK_EVERY_MS);',
        to: ' void CHECK_EVERY_MS;',
      },
    ],
    tests: service,
  },
  {
    name: 'update-appimage-installs-at-quit',
    what: 'an AppImage keeps electron-updater’s install at quit, which starts the new AppImage and waits for it',
    edits: [
      { file: 'electron/main/shell/updater.ts', from: '  const installsAtQuit = !d.appImage;', to: '  const installsAtQuit = true;' },
    ],
    tests: adapter,
  },
  {
    name: 'update-feed-plain-http',
    what: 'a feed over plain http to another computer is accepted, so anyone on the network could serve a file and its matching hash',
    edits: [
      {
        file: 'electron/core/updates/feedUrl.ts',
        from: "  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))",
        to: "  if (url.protocol !== 'https:' && url.protocol !== 'http:' && !local)",
      },
    ],
    tests: texts,
  },
  {
    name: 'update-notes-html-kept',
    what: 'a GitHub release’s HTML reaches the window as its notes, tags and entities included',
    edits: [
      {
        file: 'electron/core/updates/releaseNotes.ts',
        from: '  const text = looksLikeHtml(note) ? htmlToText(note) : note;',
        to: '  const text = looksLikeHtml(note) ? note : note;',
      },
    ],
    tests: [...texts, ...feed],
  },
];
