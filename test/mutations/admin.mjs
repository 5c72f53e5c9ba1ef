// Named mutations of the admin and account client (electron/core/vexa, shared/vexa) for the mutation
// check (scripts/mutationCheck.mjs). Each breaks one promise the way a plausible slip would; `tests`
// are the files that must fail when it is applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'admin-key-header-name',
    what: 'the admin key goes out under a header name the admin API does not read',
    edits: [
      {
        file: 'electron/core/vexa/http.ts',
        from: "    if (options.adminKey) h['X-Admin-API-Key'] = options.adminKey;",
        to: "    if (options.adminKey) h['X-Admin-Key'] = options.adminKey;",
      },
    ],
    tests: ['test/integration/admin/adminApi.test.ts'],
  },
  {
    name: 'admin-paging-ignored',
    what: 'the user list ignores skip/limit, so every page is the first one',
    edits: [
      {
        file: 'electron/core/vexa/admin.ts',
        from: "      const res = await this.http.request('/admin/users', { query: { skip, limit }, signal: o.signal });",
        to: "      const res = await this.http.request('/admin/users', { query: {}, signal: o.signal });",
      },
    ],
    tests: ['test/integration/admin/adminApi.test.ts'],
  },
  {
    name: 'masked-token-shows-secret',
    what: "a listed token's masked value is the whole secret",
    edits: [
      {
        file: 'shared/vexa/keyScope.ts',
        from: '  return rest.length > 8 ? `${prefix}…${rest.slice(-4)}` : `${prefix}…`;',
        to: '  return `${prefix}${rest}`;',
      },
    ],
    tests: ['test/integration/admin/adminApi.test.ts', 'test/unit/vexa/keyScope.test.ts'],
  },
  {
    name: 'webhook-secret-not-sent',
    what: 'setting a webhook drops its secret, so deliveries arrive unsigned',
    edits: [{ file: 'electron/core/vexa/account.ts', from: '  if (input.secret) body.webhook_secret = input.secret;', to: '' }],
    tests: ['test/integration/admin/webhooks.test.ts'],
  },
  {
    name: 'scope-refusal-unexplained',
    what: "a scope refusal no longer says what the key's scope allows",
    edits: [
      {
        file: 'shared/vexa/httpErrors.ts',
        from: '        const allows = input.keyScopes ? describeKeyAccess(input.keyScopes) : undefined;',
        to: '        const allows = input.keyScopes ? undefined : undefined;',
      },
    ],
    tests: ['test/integration/admin/account.test.ts'],
  },
  {
    name: 'admin-unknown-user-raw',
    what: "an unknown user shows the server's raw words instead of a sentence to act on",
    edits: [
      {
        file: 'shared/vexa/httpErrors.ts',
        from: "      if (input.admin && lower === 'user not found.') return make('not_found', messages.unknownUser());",
        to: '',
      },
    ],
    tests: ['test/integration/admin/adminApi.test.ts'],
  },
];
