// Named mutations of the admin console core (electron/core/admin) for the mutation check
// (scripts/mutationCheck.mjs reads every file of this folder, one per area). Each breaks one
// guarantee the way a plausible slip would; `tests` are the test files that must fail when it is
// applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'admin-key-not-secret',
    what: 'the admin key is not registered with the logger when it is entered, so a crash report quoting it before it is stored is written to the log',
    edits: [{ file: 'electron/core/admin/adminAccess.ts', from: '    this.d.logger.addSecret(key);\n', to: '' }],
    tests: ['test/integration/core/adminKeyCanary.test.ts'],
  },
  {
    name: 'admin-status-returns-key',
    what: 'admin:status carries the stored admin key to the window',
    edits: [
      {
        file: 'electron/core/admin/adminAccess.ts',
        from: '      notes: notesFor(s.generation),',
        to: '      notes: entry ? [...notesFor(s.generation), `key ${entry.key}`] : notesFor(s.generation),',
      },
    ],
    tests: ['test/integration/core/adminKeyCanary.test.ts'],
  },
  {
    name: 'minted-token-logged',
    what: 'a minted token is logged before it is registered as a secret',
    edits: [
      { file: 'electron/core/admin/adminUsers.ts', from: '      this.d.logger.addSecret(token.value);\n', to: '' },
      {
        file: 'electron/core/admin/adminUsers.ts',
        from: 'userId: String(userId), tokenId: token.id });',
        to: 'userId: String(userId), tokenId: token.id, value: token.value });',
      },
    ],
    tests: ['test/integration/core/adminKeyCanary.test.ts'],
  },
  {
    name: 'g3-admin-url-not-asked',
    what: "G3's admin key is sent to the API's address instead of asking for the admin address",
    edits: [
      {
        file: 'electron/core/admin/adminAccess.ts',
        from: "      if (s.generation === 'g3')\n",
        to: '      if (false as boolean)\n',
      },
    ],
    tests: ['test/integration/core/adminConsole.test.ts'],
  },
  {
    name: 'admin-create-existed-inverted',
    what: 'creating a user whose email exists is reported as a new user',
    edits: [
      {
        file: 'electron/core/admin/adminUsers.ts',
        from: 'return { user: toUserView(user), existed };',
        to: 'return { user: toUserView(user), existed: !existed };',
      },
    ],
    tests: ['test/integration/core/adminConsole.test.ts'],
  },
  {
    name: 'minted-handle-reusable',
    what: 'a minted token can be taken again from the core after it was used in the app',
    edits: [
      {
        file: 'electron/core/admin/mintedTokens.ts',
        from: '  used(handle: string): void {\n    this.byHandle.delete(handle);',
        to: '  used(handle: string): void {\n    void handle;',
      },
    ],
    tests: ['test/integration/core/adminConsole.test.ts', 'test/unit/core/adminPure.test.ts'],
  },
  {
    name: 'webhook-test-unsigned',
    what: 'the webhook test event goes out unsigned though a secret is set',
    edits: [
      {
        file: 'electron/core/admin/webhooks.ts',
        from: "  if (!secret || generation === 'g1') return headers;",
        to: '  return headers;',
      },
    ],
    tests: ['test/integration/core/adminConsole.test.ts'],
  },
  {
    name: 'scope-refusal-silent-on-key',
    what: 'a scope refusal says what the action needs but not what the key has',
    edits: [
      {
        file: 'electron/core/admin/account.ts',
        from: '  if (!keyScopes || /\\bThis key (can|has|is)\\b/.test(message)) return message;',
        to: '  return message;',
      },
    ],
    tests: ['test/integration/core/adminConsole.test.ts'],
  },
  {
    name: 'admin-key-plaintext',
    what: 'the admin key is written unencrypted because the user key was',
    edits: [
      {
        file: 'electron/core/admin/adminAccess.ts',
        from: "(userKeyStorage === 'keychain' ? 'secure' : 'session')",
        to: "(userKeyStorage === 'keychain' ? 'secure' : userKeyStorage === 'plaintext' ? 'plaintext' : 'session')",
      },
    ],
    tests: ['test/integration/core/adminKeyStorage.test.ts'],
  },
  {
    name: 'webhook-secret-not-secret',
    what: 'the webhook secret is not registered with the logger, so a report quoting it is written to the log',
    edits: [{ file: 'electron/core/admin/webhooks.ts', from: '    if (secret) this.d.logger.addSecret(secret);\n', to: '' }],
    tests: ['test/integration/core/adminKeyCanary.test.ts'],
  },
  {
    name: 'webhook-test-plain-fetch',
    what: "the webhook test event goes out with the core's plain fetch, past the plain-http address policy the API follows",
    edits: [
      { file: 'electron/core/admin/webhookTransport.ts', from: "    if (route.kind === 'refused') return route;\n", to: '' },
      {
        file: 'electron/core/admin/webhookTransport.ts',
        from: "route.kind === 'plain-name' ? (plain ??= plainHttpFetch(guardedLookup(d.resolveHost))) : (d.fetch ?? fetch)",
        to: '(d.fetch ?? fetch)',
      },
    ],
    tests: ['test/integration/core/webhookTest.test.ts'],
  },
  {
    name: 'webhook-test-follows-redirects',
    what: 'the webhook test follows a redirect, handing the signed event and its secret to another address',
    edits: [{ file: 'electron/core/admin/webhookTransport.ts', from: "        redirect: 'manual',", to: "        redirect: 'follow'," }],
    tests: ['test/integration/core/webhookTest.test.ts'],
  },
  {
    name: 'webhook-test-reads-answer',
    what: "the webhook test reads the receiver's answer to its end, so an endless answer holds the app until the time limit",
    edits: [
      {
        file: 'electron/core/admin/webhookTransport.ts',
        from: '      await res.body?.cancel().catch(() => undefined);',
        to: '      await res.arrayBuffer();',
      },
    ],
    tests: ['test/integration/core/webhookTest.test.ts'],
  },
  {
    name: 'admin-create-crashes-without-name',
    what: 'creating a user without a name crashes the handler, past the admin key check (only a fuzz with an admin key reaches it)',
    edits: [
      {
        file: 'electron/core/admin/adminUsers.ts',
        from: '    const name = input.name?.trim();',
        to: '    const name = input.name!.trim();',
      },
    ],
    tests: ['test/integration/core/ipcFuzz.test.ts'],
  },
  {
    name: 'filter-scope-unsaid',
    what: 'the users screen no longer says that its filter covers only the users read so far',
    edits: [
      {
        file: 'renderer/features/admin/userList.ts',
        from: '  if (!state.filter.trim() || !state.loaded || state.error) return null;',
        to: '  return null;',
      },
    ],
    tests: ['test/unit/renderer/adminUserList.test.ts'],
  },
  {
    name: 'find-by-email-not-suggested',
    what: 'an email address typed in the filter that no loaded user has is not offered to the direct lookup',
    edits: [{ file: 'renderer/features/admin/userList.ts', from: '  if (!looksLikeEmail(email)) return null;', to: '  return null;' }],
    tests: ['test/unit/renderer/adminUserList.test.ts'],
  },
  {
    name: 'find-by-email-any-text',
    what: 'any filter text with no match is offered to the email lookup, which can only fail for it',
    edits: [{ file: 'renderer/features/admin/userList.ts', from: '  if (!looksLikeEmail(email)) return null;', to: '' }],
    tests: ['test/unit/renderer/adminUserList.test.ts'],
  },
];
