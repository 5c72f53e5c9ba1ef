// Named mutations of the library's MCP server (electron/mcp) for the mutation check
// (scripts/mutationCheck.mjs). Each breaks one promise the way a plausible slip would; `tests` are
// the files that must fail when it is applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'mcp-exposes-every-server',
    what: 'AI tools read every server the library holds, not only the ones the person ticked',
    edits: [
      {
        file: 'electron/mcp/scope.ts',
        from: '      known.filter((s) => exposed.includes(s.serverId)),',
        to: '      known,',
      },
      {
        file: 'electron/mcp/scope.ts',
        from: '    return new Scope(\n      deps,\n      exposed,',
        to: '    return new Scope(\n      deps,\n      known.map((s) => s.serverId),',
      },
    ],
    tests: ['test/integration/mcp/libraryTools.test.ts'],
  },
  {
    name: 'mcp-empty-share-unfiltered',
    what: 'with nothing shared, the library is asked with an empty server list, which it reads as every server',
    edits: [{ file: 'electron/mcp/scope.ts', from: '    if (exposed.length === 0) throw new ToolRefusal(NOTHING_SHARED);\n', to: '' }],
    tests: ['test/integration/mcp/libraryTools.test.ts'],
  },
  {
    name: 'mcp-settings-read-once',
    what: 'the shared servers are read once at start, so unticking a server does not reach a running AI client',
    edits: [
      {
        file: 'electron/mcp/server.ts',
        from: 'exposed: options.exposed ?? (() => readExposedServers(options.dataDir))',
        to: 'exposed: options.exposed ?? ((atStart: string[]) => () => atStart)(readExposedServers(options.dataDir))',
      },
    ],
    tests: ['test/integration/mcp/libraryTools.test.ts'],
  },
  {
    name: 'mcp-cache-writable',
    what: 'the MCP server opens the cache for writing',
    edits: [
      {
        file: 'electron/mcp/libraryAccess.ts',
        from: '{ readonly: true, fileMustExist: true }',
        to: '{ readonly: false, fileMustExist: true }',
      },
    ],
    tests: ['test/integration/mcp/sideBySide.test.ts'],
  },
];
