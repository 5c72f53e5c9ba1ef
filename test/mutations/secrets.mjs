// Named mutations of how the app keeps API keys secret and how the IPC boundary judges input (format:
// test/mutations/shell.mjs). Each breaks one guarantee the way a plausible slip would; `tests` must
// fail when it is applied, and each `from` occurs exactly once in its file.
const canary = ['test/integration/core/keyCanary.test.ts'];
const fuzz = ['test/integration/core/ipcFuzz.test.ts', 'test/unit/ipc/dispatch.test.ts'];

export const mutations = [
  {
    name: 'secret-not-registered',
    what: 'a key the person types is used without being registered as a secret, so logs print it (a self-hosted key has no vxa_ shape to catch)',
    edits: [{ file: 'electron/core/connections/keys.ts', from: '  d.logger.addSecret(apiKey);\n', to: '' }],
    tests: canary,
  },
  {
    name: 'restored-secret-not-registered',
    what: 'the key restored from the store at start-up is used without being registered as a secret',
    edits: [
      {
        file: 'electron/core/connections/restore.ts',
        from: '      d.logger.addSecret(key);\n      c.hold(r, key);',
        to: '      c.hold(r, key);',
      },
    ],
    tests: canary,
  },
  {
    name: 'log-redaction-ignores-secrets',
    what: 'the logger hides only secret-shaped text, not the keys registered with it',
    edits: [
      {
        file: 'electron/core/logger.ts',
        from: '  for (const s of secrets) {',
        to: '  for (const s of new Set<string>()) {',
      },
    ],
    tests: canary,
  },
  {
    name: 'ipc-dispatch-skips-validation',
    what: 'the IPC dispatch hands the raw input to the handler without checking it against the contract',
    edits: [
      {
        file: 'shared/ipc/dispatch.ts',
        from: '  const parsed = parseChannelInput(channel, rawInput);',
        to: '  const parsed = { success: true as const, data: rawInput as never, issues: [] };',
      },
    ],
    tests: fuzz,
  },
  {
    name: 'ipc-meeting-ref-not-strict',
    what: "a meeting reference accepts keys the contract does not name (its schema's .strict() dropped)",
    edits: [
      {
        file: 'shared/ipc/models.ts',
        from: '    serverId: z.string().max(2048).optional(),\n  })\n  .strict();\n/**\n * Which transcript',
        to: '    serverId: z.string().max(2048).optional(),\n  });\n/**\n * Which transcript',
      },
    ],
    tests: fuzz,
  },
  {
    name: 'ipc-text-unchecked',
    what: 'text with half a surrogate pair passes the IPC boundary and breaks a handler as an internal error',
    edits: [
      {
        file: 'shared/ipc/contract.ts',
        from: '  const broken = illFormedText(parsed.data);',
        to: '  const broken = null as PropertyKey[] | null;',
      },
    ],
    tests: fuzz,
  },
];
