// Named mutations of speaker corrections (shared/transcript/speakerNames.ts, electron/core/cache/
// speakerFixes.ts, speakerSearch.ts, electron/core/speakers/) for the mutation check
// (scripts/mutationCheck.mjs). `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'speakers-library-shows-labels',
    what: "the library's transcripts (meeting page, exports from the cache, MCP) show the server's labels, not the corrected names",
    edits: [
      {
        file: 'electron/core/cache/library.ts',
        from: 'segments: this.speakers.apply(meeting.serverId, meeting.remoteId, this.segments.list(id))',
        to: 'segments: this.segments.list(id)',
      },
    ],
    tests: ['test/integration/speakers/librarySpeakers.test.ts', 'test/integration/speakers/mcpSpeakers.test.ts'],
  },
  {
    name: 'speakers-search-filter-by-label',
    what: "the search's speaker filter compares the server's label, so a corrected name filters nothing",
    edits: [
      {
        file: 'electron/core/cache/search.ts',
        from: 'segmentHitsQuery(match, f, { limit, offset, ranked }, fixes !== null)',
        to: 'segmentHitsQuery(match, f, { limit, offset, ranked }, false)',
      },
    ],
    tests: ['test/integration/speakers/librarySpeakers.test.ts'],
  },
  {
    name: 'speakers-search-alias-unchecked',
    what: 'a search for a corrected name also lists lines of the same label where it is not corrected',
    edits: [
      {
        file: 'electron/core/cache/speakerSearch.ts',
        from: 'const own = !aliased ||',
        to: 'const own = true ||',
      },
    ],
    tests: ['test/integration/speakers/librarySpeakers.test.ts'],
  },
  {
    name: 'speakers-fixes-cached-forever',
    what: 'corrections are read once per connection, so the MCP server never sees one made in the app while it runs',
    edits: [
      {
        file: 'electron/core/cache/speakerFixes.ts',
        from: 'if (this.cached === null || version !== this.version) {',
        to: 'if (this.cached === null) {',
      },
    ],
    tests: ['test/integration/speakers/mcpSpeakers.test.ts'],
  },
  {
    name: 'speakers-split-ignores-time',
    what: 'a split renames every line of the label, the ones before the chosen line too',
    edits: [
      {
        file: 'shared/transcript/speakerNames.ts',
        from: 'return line.absoluteStart >= fix.fromAbsolute;',
        to: 'return true;',
      },
      {
        file: 'shared/transcript/speakerNames.ts',
        from: 'return line.start >= fix.fromStart;',
        to: 'return true;',
      },
    ],
    tests: ['test/unit/transcript/speakerNames.test.ts'],
  },
  {
    name: 'speakers-server-wide-beats-meeting',
    what: 'a newer server-wide rename overrides the name given in one meeting',
    edits: [
      {
        file: 'shared/transcript/speakerNames.ts',
        from: 'const scope = Number(b.meetingId !== null) - Number(a.meetingId !== null);',
        to: 'const scope = 0;',
      },
    ],
    tests: ['test/unit/transcript/speakerNames.test.ts'],
  },
  {
    name: 'speakers-participants-not-synced',
    what: "corrections never reach the meeting's participants, so G1/G2 servers keep the old names",
    edits: [
      {
        file: 'electron/core/speakers/handlers.ts',
        from: 'const meetingIds = await syncParticipants(d.library, d.outbox, fix, retired).catch(',
        to: 'const meetingIds = await Promise.resolve([] as number[]).catch(',
      },
    ],
    tests: ['test/integration/speakers/speakerFixes.test.ts', 'test/integration/speakers/librarySpeakers.test.ts'],
  },
  {
    name: 'speakers-g3-told-sent',
    what: 'a G3 server is said to hold the corrected names, though it cannot store them',
    edits: [{ file: 'electron/core/speakers/handlers.ts', from: 'if (!takesMeetingData(d.library, serverId)) {', to: 'if (false) {' }],
    tests: ['test/integration/speakers/speakerFixes.test.ts'],
  },
  {
    name: 'speakers-restore-keeps-name',
    what: "a correction taken back leaves its name in the meeting's participants",
    edits: [
      {
        file: 'electron/core/speakers/handlers.ts',
        from: 'return { fix, ...(await after(fix, [fix.name])) };',
        to: 'return { fix, ...(await after(fix, [])) };',
      },
    ],
    tests: ['test/integration/speakers/speakerFixes.test.ts'],
  },
];
