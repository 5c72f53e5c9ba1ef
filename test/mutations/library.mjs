// Named mutations of the library across servers (electron/core/cache, the core's library and
// export paths) for the mutation check (scripts/mutationCheck.mjs). Each breaks one promise the
// way a plausible slip would; `tests` must fail when it is applied. `from` must occur exactly once.
const SERVERS = 'test/integration/cache/servers.test.ts';
const OFFLINE = 'test/integration/core/offlineLibrary.test.ts';
const RENDERER = 'test/unit/renderer/libraryServers.test.ts';

export const mutations = [
  {
    name: 'library-row-names-no-server',
    what: 'a library row and a meeting carry the server id where its name should be',
    edits: [{ file: 'electron/core/cache/rows.ts', from: 'serverLabel: label(r.server_id),', to: 'serverLabel: r.server_id,' }],
    tests: [SERVERS, OFFLINE],
  },
  {
    name: 'library-ignores-person-label',
    what: 'a library row names its server by the app’s own label though the person gave it another',
    edits: [{ file: 'electron/core/cache/serverNames.ts', from: '    userLabel: row?.user_label,', to: '    userLabel: null,' }],
    tests: ['test/integration/core/serverLifecycle.test.ts', 'test/unit/cache/serverNames.test.ts'],
  },
  {
    name: 'removed-server-unsaid',
    what: 'meetings kept from a removed server read as if their server were still in the list',
    edits: [{ file: 'shared/serverLabel.ts', from: '  return s.removed ? `${label} (removed)` : label;', to: '  return label;' }],
    tests: ['test/integration/core/serverLifecycle.test.ts', 'test/unit/cache/serverNames.test.ts'],
  },
  {
    name: 'search-hit-names-no-server',
    what: 'a transcript line found by the search does not say which server it is from',
    edits: [
      {
        file: 'electron/core/cache/search.ts',
        from: 'serverLabel: label(r.server_id),\n        meetingName: r.name,',
        to: "serverLabel: '',\n        meetingName: r.name,",
      },
    ],
    tests: [SERVERS, OFFLINE],
  },
  {
    name: 'server-list-filter-ignored',
    what: 'filtering by several servers lists every server',
    edits: [
      {
        file: 'electron/core/cache/libraryFilter.ts',
        from: '  if (servers) {',
        to: '  if (servers && servers.length > MAX_SERVER_FILTER) {',
      },
    ],
    tests: [SERVERS, OFFLINE],
  },
  {
    name: 'demo-meetings-not-kept-apart',
    what: 'asking the library to leave the demo out still lists the demo meetings',
    edits: [
      { file: 'electron/core/cache/libraryFilter.ts', from: "if (f.demo === 'exclude')", to: "if (f.demo === ('exclude ' as string))" },
    ],
    tests: [SERVERS],
  },
  {
    name: 'search-plan-unpinned',
    what: 'the name search may start from a server’s meetings instead of the full-text index',
    edits: [
      {
        file: 'electron/core/cache/search.ts',
        from: 'FROM meetings_fts CROSS JOIN meetings m',
        to: 'FROM meetings_fts JOIN meetings m',
      },
    ],
    tests: [SERVERS],
  },
  {
    name: 'removed-server-left-in-index',
    what: 'removing a server’s meetings leaves their transcript lines in the full-text index',
    edits: [
      {
        file: 'electron/core/cache/removeServer.ts',
        from: "SELECT 'delete', s.id, s.text, s.speaker FROM segments s WHERE s.meeting_id IN (${ofServer})",
        to: "SELECT 'delete', s.id, s.text, s.speaker FROM segments s WHERE 0",
      },
    ],
    tests: [SERVERS],
  },
  {
    name: 'removed-server-not-atomic',
    what: 'removing a server’s meetings is not one transaction: a failure halfway leaves the index out of step',
    edits: [
      {
        file: 'electron/core/cache/removeServer.ts',
        from: 'return db.transaction((): RemovedMeetings => {',
        to: 'return ((): RemovedMeetings => {',
      },
    ],
    tests: [SERVERS],
  },
  {
    name: 'offline-library-needs-connection',
    what: 'the library list asks for a connected server',
    edits: [
      {
        file: 'electron/core/handlers.ts',
        from: "'library:list': async (filter) => d.library.list(filter),",
        to: "'library:list': async (filter) => (session(), d.library.list(filter)),",
      },
    ],
    tests: [OFFLINE],
  },
  {
    name: 'offline-export-refuses-partial',
    what: 'with no server connected, a transcript only partly on this computer cannot be exported',
    edits: [
      {
        file: 'electron/core/share/transcriptService.ts',
        from: "'upstream_down', 'not_connected']",
        to: "'upstream_down']",
      },
    ],
    tests: [OFFLINE],
  },
  {
    name: 'demo-meetings-shown-after-the-demo',
    what: 'the window asks for the demo’s meetings with a real server connected',
    edits: [
      { file: 'renderer/features/library/servers.ts', from: "return connected?.demo ? 'include' : 'exclude';", to: "return 'include';" },
    ],
    tests: [RENDERER],
  },
  {
    name: 'server-named-in-a-one-server-library',
    what: 'a library of one server shows server chips and a server filter all the same',
    edits: [{ file: 'renderer/features/library/servers.ts', from: 'return servers.length > 1;', to: 'return servers.length > 0;' }],
    tests: [RENDERER],
  },
  {
    name: 'two-servers-one-colour',
    what: 'the server chips of two servers share one colour',
    edits: [
      {
        file: 'renderer/features/library/servers.ts',
        from: 'return String((at < 0 ? ids.length : at) % PALETTE);',
        to: 'return String((at < 0 ? ids.length : 0) % PALETTE);',
      },
    ],
    tests: [RENDERER],
  },
];
