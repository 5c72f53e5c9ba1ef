// Named mutations of the simulator's admin service and webhook fidelity (electron/simulator) for the
// mutation check (scripts/mutationCheck.mjs). Each breaks one promise the way a plausible slip
// would; `tests` are the files that must fail when it is applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'sim-admin-port-without-key',
    what: 'a G3 simulator without an admin key (the in-app demo) opens an admin-api address that can only answer 500',
    edits: [
      {
        file: 'electron/simulator/index.ts',
        from: 'const adminRouter = separateAdmin ? (ctx.adminKey ? new Router() : null) : router;',
        to: 'const adminRouter = separateAdmin ? new Router() : router;',
      },
    ],
    tests: ['test/integration/simulator/control.test.ts', 'test/integration/admin/cliAdmin.test.ts'],
  },
  {
    name: 'sim-seeds-users-without-key',
    what: 'a simulator without an admin key seeds the few hundred users nobody can administer',
    edits: [{ file: 'electron/simulator/index.ts', from: '    if (ctx.adminKey) seedAdminUsers(ctx);', to: '    seedAdminUsers(ctx);' }],
    tests: ['test/integration/simulator/control.test.ts'],
  },
  {
    name: 'sim-g2-takes-private-webhooks',
    what: 'the G2 simulator takes a webhook address on a private or internal network, which the real G2 refuses',
    edits: [
      {
        file: 'electron/simulator/userRoutes.ts',
        from: "  if (ctx.profile === 'g2' && url !== '' && !ctx.allowPrivateWebhooks) {",
        to: '  if (false as boolean) {',
      },
    ],
    tests: ['test/integration/simulator/webhookAddress.test.ts', 'test/integration/core/webhookTest.test.ts'],
  },
  {
    name: 'webhook-refusal-raw',
    what: "a webhook address the server will not call is reported with the server's bare words instead of what to do",
    edits: [
      {
        file: 'electron/core/admin/webhooks.ts',
        from: '      throw isVexaError(e) && e.status === 400 ? addressRefused(server, e.detail) : e;',
        to: '      throw e;',
      },
    ],
    tests: ['test/integration/core/webhookTest.test.ts'],
  },
  {
    name: 'webhook-refusal-not-at-field',
    what: 'the window shows a refused webhook address above the buttons instead of at the address field',
    edits: [
      {
        file: 'renderer/features/webhooks/describe.ts',
        from: "  return code === IpcCodes.webhookRefused ? 'url' : 'form';",
        to: "  return 'form';",
      },
    ],
    tests: ['test/unit/renderer/adminDescribe.test.ts'],
  },
];
