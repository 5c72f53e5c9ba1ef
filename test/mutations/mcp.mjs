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
  {
    name: 'mcp-http-token-unchecked',
    what: 'the HTTP server answers without checking the bearer token',
    edits: [
      {
        file: 'electron/mcp/http.ts',
        from: "    if (!tokenMatches(req.headers.authorization, options.token())) return refuse(res, 401, { 'www-authenticate': 'Bearer' });\n",
        to: '',
      },
    ],
    tests: ['test/integration/mcp/http.test.ts'],
  },
  {
    name: 'mcp-http-all-interfaces',
    what: 'the HTTP server listens on every interface, reachable from the network, not only on 127.0.0.1',
    edits: [
      {
        file: 'electron/mcp/http.ts',
        from: 'server.listen({ host: LOOPBACK, port, exclusive: true });',
        to: "server.listen({ host: '0.0.0.0', port, exclusive: true });",
      },
    ],
    tests: ['test/integration/mcp/http.test.ts'],
  },
  {
    name: 'mcp-http-old-token-kept',
    what: 'after "New token" the HTTP server still accepts the token it started with',
    edits: [
      {
        file: 'electron/core/mcpHttp.ts',
        from: "        token: () => this.stored?.token ?? '',",
        to: "        token: ((atStart: string) => () => atStart)(this.stored?.token ?? ''),",
      },
    ],
    tests: ['test/integration/mcp/http.test.ts'],
  },
  {
    name: 'mcp-http-any-host',
    what: 'a request naming another host or sent from another site (DNS rebinding) is served',
    edits: [
      {
        file: 'electron/mcp/http.ts',
        from: '    if (!hostIsLoopback(req.headers.host) || !originIsLoopback(req.headers.origin)) return refuse(res, 403);\n',
        to: '',
      },
    ],
    tests: ['test/integration/mcp/http.test.ts'],
  },
  {
    name: 'mcp-http-not-stopped',
    what: 'turning HTTP off in Settings leaves the server listening',
    edits: [{ file: 'electron/core/mcpHttp.ts', from: '      else await this.stop();', to: '      else await Promise.resolve();' }],
    tests: ['test/integration/mcp/http.test.ts'],
  },
  {
    name: 'mcp-http-left-open-at-quit',
    what: 'the HTTP server keeps listening after the app closes its core (quit, or the OS ending the session)',
    edits: [
      { file: 'electron/core/createCore.ts', from: '    void mcpHttp.service.close();\n', to: '' },
      { file: 'electron/core/createCore.ts', from: '          await mcpHttp.service.close();\n', to: '' },
    ],
    tests: ['test/integration/mcp/httpInCore.test.ts'],
  },
];
