// Named mutations of the web version's harness (electron/harness) and the app:// protocol for the
// mutation check (scripts/mutationCheck.mjs reads every file of this folder, one per area). Each
// breaks one guarantee the way a plausible slip would; `tests` are the test files that must fail
// when it is applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'harness-host-unchecked',
    what: 'the harness serves any Host header, so a rebound DNS name reaches it from a web page',
    edits: [
      {
        file: 'electron/harness/harnessServer.ts',
        from: '  const hostOk = (req: IncomingMessage): boolean => req.headers.host === `${HOST}:${port}` || req.headers.host === `localhost:${port}`;',
        to: '  const hostOk = (req: IncomingMessage): boolean => typeof req.headers.host === "string";',
      },
    ],
    tests: ['test/integration/harness/harnessTransport.test.ts'],
  },
  {
    name: 'harness-client-error-unhandled',
    what: "a client's WebSocket protocol error (an oversized frame) ends the harness",
    edits: [
      {
        file: 'electron/harness/harnessServer.ts',
        from: "    ws.on('error', (e: Error & { code?: string }) => {",
        to: "    ws.on('unheard' as 'error', (e: Error & { code?: string }) => {",
      },
    ],
    tests: ['test/integration/harness/harnessTransport.test.ts'],
  },
  {
    name: 'harness-parses-before-checks',
    what: 'the harness parses a socket request URL before its Host, Origin and token checks, outside any try (ws://127.0.0.1:PORT//[ ends it)',
    edits: [
      {
        file: 'electron/harness/harnessServer.ts',
        from: "    socket.on('error', () => socket.destroy());\n    try {\n",
        to: "    socket.on('error', () => socket.destroy());\n    new URL(req.url ?? '/', `http://${HOST}`);\n    try {\n",
      },
    ],
    tests: ['test/integration/harness/harnessTransport.test.ts'],
  },
  {
    name: 'renderer-files-follow-symlinks',
    what: 'app:// and the harness serve a file a symlink points to outside the renderer folder',
    edits: [
      {
        file: 'electron/main/shell/appProtocol.ts',
        from: "    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? realFile : null;",
        to: '    return rel === rel ? realFile : null;',
      },
    ],
    tests: ['test/unit/shell/appProtocol.test.ts', 'test/integration/harness/harnessTransport.test.ts'],
  },
  {
    name: 'data-folder-unlocked',
    what: 'a second copy of the web app starts on a data folder another copy is using',
    edits: [{ file: 'electron/harness/dataFolder.ts', from: "    db.exec('BEGIN EXCLUSIVE');", to: "    db.exec('BEGIN DEFERRED');" }],
    tests: ['test/integration/harness/cliDataDir.test.ts'],
  },
  {
    name: 'windows-link-through-shell',
    what: 'the web version opens links on Windows through cmd, where & starts a second command',
    edits: [
      {
        file: 'electron/harness/systemOpener.ts',
        from: "      ? { command: win32.join(root, 'System32', 'rundll32.exe'), args: ['url.dll,FileProtocolHandler', value] }",
        to: "      ? { command: 'cmd', args: ['/c', 'start', '\"\"', target.kind === 'url' ? target.url : value] }",
      },
    ],
    tests: ['test/unit/harness/systemOpener.test.ts', 'test/integration/harness/systemOpener.test.ts'],
  },
];
