// Named mutations of watch words (electron/core/watchWords, shared/watchWords, the hits list) for
// the mutation check (scripts/mutationCheck.mjs). Each breaks one promise the way a plausible slip
// would; `tests` are the files that must fail when it is applied. `from` must occur exactly once.
const ALERTS = 'electron/core/watchWords/watchWordAlerts.ts';
const UNIT = 'test/unit/watchWords/alerts.test.ts';
const INTEGRATION = 'test/integration/watchWords/watchWords.test.ts';

export const mutations = [
  {
    name: 'watch-line-alerts-again',
    what: 'a confirmed line whose text is sent again (edited, or under its key once more) alerts its word a second time',
    edits: [{ file: ALERTS, from: '    if (m.said.has(keyed)) return false;\n', to: '' }],
    tests: [UNIT],
  },
  {
    name: 'watch-ignores-dnd',
    what: 'watch-word notifications go out under Do Not Disturb',
    edits: [{ file: ALERTS, from: '    const quiet = this.d.doNotDisturb();', to: '    const quiet = false;' }],
    tests: [UNIT, INTEGRATION],
  },
  {
    name: 'watch-history-alerts',
    what: 'opening a meeting already under way alerts every old line that said a watched word',
    edits: [
      {
        file: ALERTS,
        from: '      const history = s.absoluteEnd < m.newestEnd - HISTORY_MS || (firstRead && s.absoluteEnd < now - HISTORY_MS);',
        to: '      const history = false && now;',
      },
    ],
    tests: [UNIT],
  },
  {
    name: 'watch-no-pace',
    what: 'a burst of watch-word lines raises one notification per line instead of one and a summary',
    edits: [
      {
        file: ALERTS,
        from: '    const wait = m.lastAlertAt === null ? 0 : m.lastAlertAt + gap - this.d.clock.now();',
        to: '    const wait = 0 * gap;',
      },
    ],
    tests: [UNIT, INTEGRATION],
  },
  {
    name: 'watch-not-wired',
    what: 'the live transcript never reaches the watch words: nothing is ever alerted',
    edits: [{ file: 'electron/core/session.ts', from: '        watch.onConfirmed(meetingId, segments);\n', to: '' }],
    tests: [INTEGRATION],
  },
  {
    name: 'watch-words-read-once',
    what: 'the words are read when a server connects, so a word added in Settings does not reach running meetings',
    edits: [
      {
        file: 'electron/core/createCore.ts',
        from: '    watchWords: () => settings.settings.watchWords,',
        to: '    watchWords: ((w) => () => w)(settings.settings.watchWords),',
      },
    ],
    tests: [INTEGRATION],
  },
  {
    name: 'watch-alert-opens-meeting-only',
    what: "clicking a watch word's alert opens the meeting but not its line",
    edits: [
      {
        file: 'electron/core/session.ts',
        from: "      openLine: (meetingId, lineKey) => d.emit('ui:focusMeeting', { serverId: server.id, meetingId, lineKey }),",
        to: "      openLine: (meetingId) => d.emit('ui:focusMeeting', { serverId: server.id, meetingId }),",
      },
    ],
    tests: [INTEGRATION],
  },
  {
    name: 'watch-button-everywhere',
    what: 'the notification asks for its button on every OS, not on macOS only where the app relies on it',
    edits: [{ file: 'electron/main/shell/notifier.ts', from: "  return platform === 'darwin' && action ?", to: '  return action ?' }],
    tests: ['test/unit/shell/notifier.test.ts'],
  },
  {
    name: 'watch-alert-server-speaker',
    what: "an alert names the speaker by the server's label, not the name the person corrected it to",
    edits: [
      {
        file: 'electron/core/session.ts',
        from: '      speakerName: (meetingId, line) => d.library.speakers.names()(server.id, meetingId).resolve(line).name,\n',
        to: '',
      },
    ],
    tests: [INTEGRATION],
  },
  {
    name: 'watch-hits-count-drafts',
    what: "a meeting's hits list counts a draft line that may still change",
    edits: [{ file: 'renderer/features/watchWords/hits.ts', from: '      if (s.draft) continue;\n', to: '' }],
    tests: ['test/unit/renderer/watchHits.test.ts'],
  },
];
