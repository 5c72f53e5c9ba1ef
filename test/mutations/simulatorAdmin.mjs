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
];
