// Named mutations of the core (electron/core, shared/) for the mutation check
// (scripts/mutationCheck.mjs reads every file of this folder, one per area). Each breaks one
// guarantee the way a plausible slip would; `tests` are the test files that must fail when it is
// applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'key-to-other-server',
    what: 'the re-enter-key screen sends the key to whatever server the request names',
    edits: [{ file: 'electron/core/serverHandlers.ts', from: '  if (normalized === waiting.url) return;', to: '  return;' }],
    tests: ['test/integration/core/reenterKey.test.ts'],
  },
  {
    name: 'rest-body-uncapped',
    what: 'a REST reply of any size is read into memory',
    edits: [
      {
        file: 'electron/core/vexa/http.ts',
        from: '  if (Number.isFinite(declared) && declared > maxBytes) {',
        to: '  if (false as boolean) {',
      },
      { file: 'electron/core/vexa/http.ts', from: '    if (total > maxBytes) {', to: '    if (false as boolean) {' },
    ],
    tests: ['test/integration/vexaClient/bodyCap.test.ts'],
  },
  {
    name: 'g2-rate-limit-one-second',
    what: "a G2 rate limit is retried after the server's one second, which keeps its window full",
    edits: [
      {
        file: 'shared/vexa/httpErrors.ts',
        from: '      const retryAfterMs = slidingWindowWait(value) ?? parseRetryAfter(input.retryAfter, input.now);',
        to: '      const retryAfterMs = parseRetryAfter(input.retryAfter, input.now);',
      },
    ],
    tests: ['test/integration/vexaClient/rateLimit.test.ts'],
  },
  {
    name: 'tray-name-not-isolated',
    what: 'a server-supplied meeting name with a right-to-left override reorders the tray item around it',
    edits: [
      {
        file: 'electron/core/meetings/trayText.ts',
        from: '  return `${isolate(name)}: ${STATUS_LABELS[status]}`;',
        to: '  return `${name}: ${STATUS_LABELS[status]}`;',
      },
    ],
    tests: ['test/unit/meetings/trayText.test.ts'],
  },
  {
    name: 'settings-world-readable',
    what: "the app's settings, keys, cache and logs are created readable by other accounts",
    edits: [
      {
        file: 'electron/core/privateFiles.ts',
        from: 'export const PRIVATE_FILE_MODE = 0o600;',
        to: 'export const PRIVATE_FILE_MODE = 0o644;',
      },
    ],
    tests: ['test/unit/core/privateModes.test.ts'],
  },
  {
    name: 'shared-temp-name',
    what: 'settings and key writes share one fixed temporary file, so two writers take each other’s file',
    edits: [
      {
        file: 'electron/core/privateFiles.ts',
        from: '  return `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;',
        to: '  return `${file}.tmp`;',
      },
    ],
    tests: ['test/unit/core/tempFileNames.test.ts'],
  },
  {
    name: 'recheck-refused-key-stays-connected',
    what: '"Check again" with a key the server now refuses answers "connected" with an error beside it, and the live socket and sync go on with the refused key',
    edits: [
      {
        file: 'electron/core/connections/connections.ts',
        from: "      if (result.error.code === 'unauthorized') return this.keyRefused(c);\n",
        to: '',
      },
    ],
    tests: ['test/integration/core/revokedKey.test.ts'],
  },
  {
    name: 'refused-key-kept-stored',
    what: 'a key the server refused stays stored, so the next start sends it again',
    edits: [{ file: 'electron/core/connections/connections.ts', from: '    await this.forgetKey(c);\n    return c;', to: '    return c;' }],
    tests: ['test/integration/core/revokedKey.test.ts'],
  },
  {
    name: 'refused-key-ends-every-server',
    what: 'one server refusing its key ends the connections of every server',
    edits: [
      {
        file: 'electron/core/connections/connections.ts',
        from: "    c.drop('key_needed', refusedKeyError({ label: c.label, keyLabel: c.record?.keyLabel ?? null }));\n    this.d.onChange();",
        to: "    for (const o of this.list()) o.drop('key_needed', refusedKeyError({ label: c.label, keyLabel: c.record?.keyLabel ?? null }));\n    this.d.onChange();",
      },
    ],
    tests: ['test/integration/core/revokedKey.test.ts'],
  },
  {
    name: 'waiting-server-secrets-kept',
    what: 'leaving a server that waits for a new key (its old one refused) keeps its admin key in the keychain',
    edits: [
      {
        file: 'electron/core/connections/connections.ts',
        from: '    await forgetServerSecrets(this.d.secrets, c.id);\n',
        to: '    if (c.live) await forgetServerSecrets(this.d.secrets, c.id);\n',
      },
    ],
    tests: ['test/integration/core/revokedKey.test.ts'],
  },
];
