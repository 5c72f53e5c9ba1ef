// Named mutations of the plain-http address check (scripts/mutationCheck.mjs reads every file of this
// folder, one per area). Each breaks one guarantee the way a plausible slip would; `tests` are the
// test files that must fail when it is applied. `from` must occur exactly once in `file`, so a
// refactor that moves the code fails the check loudly instead of voiding the mutation. The guarding
// tests need no SQLite, so they run under any Node the script runs on; the whole-core test of the
// same promise is test/integration/core/plainHttpAddress.test.ts.
export const mutations = [
  {
    name: 'plain-http-resolved-address-unchecked',
    what: 'a plain-http host name is resolved but its addresses are not checked: a public one gets the key unencrypted',
    edits: [
      {
        file: 'electron/core/net/guardedLookup.ts',
        from: '        const publicAddress = firstPublicAddress(addresses);',
        to: '        const publicAddress = addresses.length < 0 ? firstPublicAddress(addresses) : null;',
      },
    ],
    tests: [
      'test/unit/core/addressPolicy.test.ts',
      'test/integration/vexaClient/plainHttpAddress.test.ts',
      'test/integration/live/plainWsAddress.test.ts',
    ],
  },
  {
    name: 'plain-http-rest-unguarded',
    what: 'REST requests to a plain-http host name go through fetch without resolving and checking the name',
    edits: [
      {
        file: 'electron/core/vexa/http.ts',
        from: '  const doFetch = needsAddressCheck(baseUrl) ?',
        to: '  const doFetch = needsAddressCheck(baseUrl) && baseUrl === "" ?',
      },
    ],
    tests: ['test/integration/vexaClient/plainHttpAddress.test.ts'],
  },
  {
    name: 'plain-ws-unguarded',
    what: 'the live socket to a plain ws:// host name connects without checking where the name resolves',
    edits: [
      {
        file: 'electron/core/live/liveSocket.ts',
        from: '    if (needsAddressCheck(this.o.url)) options.lookup = guardedLookup(this.o.resolveHost);',
        to: '    void guardedLookup;',
      },
    ],
    tests: ['test/integration/live/plainWsAddress.test.ts'],
  },
  {
    name: 'ipv4-mapped-public-allowed',
    what: 'an IPv4-mapped IPv6 address (::ffff:203.0.113.5) counts as private whatever IPv4 address it carries',
    edits: [
      {
        file: 'electron/core/net/addressPolicy.ts',
        from: '  if (zeroPrefix && g5 === 0xffff) return privateIPv4(g6 >> 8, g6 & 0xff);',
        to: '  if (zeroPrefix && g5 === 0xffff) return true;',
      },
    ],
    tests: ['test/unit/core/addressPolicy.test.ts', 'test/integration/live/plainWsAddress.test.ts'],
  },
];
