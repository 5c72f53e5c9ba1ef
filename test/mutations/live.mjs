// Named mutations of the live pipeline and the bot alerts for the mutation check
// (scripts/mutationCheck.mjs reads every file of this folder, one per area). Each breaks one
// guarantee the way a plausible slip would; `tests` are the test files that must fail when it is
// applied. `from` must occur exactly once in `file`, so a refactor that moves the code fails the
// check loudly instead of voiding the mutation.
export const mutations = [
  {
    name: 'reconnect-gap-fill-off',
    what: 'after a reconnect the live transcript is not re-read, so lines said while the socket was down stay missing until the meeting ends',
    edits: [
      {
        file: 'electron/core/live/liveTranscripts.ts',
        from: '        const ok = await this.seed(id, e);',
        to: '        const ok = e.seeded;',
      },
    ],
    tests: ['test/integration/live/transcriptFaults.test.ts'],
  },
  {
    name: 'lobby-alert-dedupe-dropped',
    what: 'every report of the same lobby (duplicate frames, polls, reconnects) raises the lobby alert again',
    edits: [
      {
        file: 'shared/meetings/alertPolicy.ts',
        from: '        if (s.alertedLobbyEntry === s.lobbyEntries) return null;\n',
        to: '',
      },
    ],
    tests: ['test/unit/meetings/alerts.test.ts'],
  },
  {
    name: 'do-not-disturb-ignored',
    what: 'alerts reach the OS while Do Not Disturb is on',
    edits: [
      {
        file: 'electron/core/meetings/botService.ts',
        from: '    const quiet = this.d.doNotDisturb() || this.stoppedHere.has(m.id);',
        to: '    const quiet = this.stoppedHere.has(m.id);',
      },
    ],
    tests: ['test/integration/core/botFlow.test.ts'],
  },
  {
    name: 'oversized-live-frame-accepted',
    what: 'the live socket takes a frame of any size instead of dropping one over 4 MiB and reconnecting',
    edits: [
      {
        file: 'electron/core/live/liveSocket.ts',
        from: '      maxPayload: this.o.maxFrameBytes ?? 4 * 1024 * 1024,',
        to: '      maxPayload: this.o.maxFrameBytes ?? 256 * 1024 * 1024,',
      },
    ],
    tests: ['test/integration/live/transcriptFaults.test.ts'],
  },
  {
    name: 'refused-key-retried',
    what: 'a live connection refused for its key (4401) keeps retrying with the same key',
    edits: [
      {
        file: 'electron/core/live/liveSocket.ts',
        from: "    if (code === 4401 || this.state.status === 'unauthorized') {",
        to: '    if (code === 4401 && this.closed) {',
      },
    ],
    tests: ['test/integration/live/liveSocket.test.ts'],
  },
];
