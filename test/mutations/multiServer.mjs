// Named mutations of several servers at once (electron/core/connections, the sessions, the
// migration from one server), for the mutation check (scripts/mutationCheck.mjs; format:
// test/mutations/core.mjs). Each breaks one promise the way a plausible slip would; `tests` must fail.
const multi = ['test/integration/core/multiServer.test.ts'];
const lifecycle = ['test/integration/core/serverLifecycle.test.ts'];
const launch = ['test/integration/core/launchTargets.test.ts'];

export const mutations = [
  {
    name: 'frame-to-wrong-session',
    what: "every server's live frames are merged into the first session's transcripts (meeting 4 of one server into meeting 4 of another)",
    edits: [
      {
        file: 'electron/core/session.ts',
        from: "/** What every session shares: the app's ports, settings and library. */",
        to: "let firstTranscripts: LiveTranscripts | undefined;\n/** What every session shares: the app's ports, settings and library. */",
      },
      {
        file: 'electron/core/session.ts',
        from: '        transcripts.onFrame(frame);',
        to: '        (firstTranscripts ??= transcripts).onFrame(frame);',
      },
    ],
    tests: multi,
  },
  {
    name: 'tracked-under-one-server',
    what: 'the followed meetings of every server are reported under the first server',
    edits: [
      {
        file: 'electron/core/connections/sessions.ts',
        from: '      .flatMap((s) => s.bots.tracker.list().map((m) => withServer(s.serverId, m)))',
        to: '      .flatMap((s) => s.bots.tracker.list().map((m) => withServer(sessions[0]!.serverId, m)))',
      },
    ],
    tests: multi,
  },
  {
    name: 'alert-without-server-name',
    what: 'with several servers, a lobby alert does not say which server’s bot waits',
    edits: [
      {
        file: 'electron/core/meetings/botService.ts',
        from: '      title: titled(a.title, this.d.serverName()),',
        to: '      title: a.title,',
      },
    ],
    tests: [...multi, 'test/unit/connections/serverNaming.test.ts'],
  },
  {
    name: 'tray-without-server-name',
    what: 'with several servers, the tray lines do not say which server each meeting is on',
    edits: [
      {
        file: 'electron/core/meetings/serverNaming.ts',
        from: '      label: g.label === null ? trayItemLabel(m.name, m.status) : `${isolate(g.label)} · ${trayItemLabel(m.name, m.status)}`,',
        to: '      label: trayItemLabel(m.name, m.status),',
      },
    ],
    tests: [...multi, 'test/unit/connections/serverNaming.test.ts'],
  },
  {
    name: 'launch-memory-dropped',
    what: 'the server a bot was sent from is not remembered for the link’s platform and domain',
    edits: [
      {
        file: 'electron/core/connections/sessions.ts',
        from: '      this.d.settings.setLaunchMemory(rememberLaunch(this.d.settings.launchMemory, session.serverId, linkFacts(request.link)));',
        to: '      void rememberLaunch;',
      },
    ],
    tests: launch,
  },
  {
    name: 'launch-domain-ignored',
    what: 'Launch offers the server last used for the platform even where another was used for this very domain',
    edits: [
      {
        file: 'electron/core/connections/launchTarget.ts',
        from: "  if (usable(byDomain)) return { serverId: byDomain, why: 'link-domain' };\n",
        to: '',
      },
    ],
    tests: [...launch, 'test/unit/connections/launchTarget.test.ts'],
  },
  {
    name: 'slots-ignore-refusal',
    what: 'a server that refuses a bot for its limit does not teach the app that limit (G1 never says it otherwise)',
    edits: [{ file: 'electron/core/meetings/botService.ts', from: '      if (limit !== null) this.d.onLimit?.(limit);\n', to: '' }],
    tests: launch,
  },
  {
    name: 'remove-keeps-meetings',
    what: 'removing a server without keeping its meetings keeps them anyway',
    edits: [
      {
        file: 'electron/core/connections/connections.ts',
        from: '      const removed = await this.d.library.removeServerMeetings(c.id);\n      await this.d.servers.delete(c.id);',
        to: '      await this.d.servers.markRemoved(c.id);\n      const removed = {};',
      },
    ],
    tests: lifecycle,
  },
  {
    name: 'disconnect-keeps-key',
    what: 'disconnecting a server leaves its key in the keychain',
    edits: [{ file: 'electron/core/connections/connections.ts', from: '    await this.d.secrets.delete(c.id);\n', to: '' }],
    tests: lifecycle,
  },
  {
    name: 'reentered-key-to-current',
    what: "a key entered for one server is checked against the current server's address",
    edits: [
      {
        file: 'electron/core/connections/connections.ts',
        from: '    return this.add(c.url, rawKey, keyStorage, { makeCurrent });',
        to: '    return this.add(this.current?.url ?? c.url, rawKey, keyStorage, { makeCurrent });',
      },
    ],
    tests: lifecycle,
  },
  {
    name: 'restore-only-current',
    what: 'at start-up only the current server is restored with its key; the others wait to be reconnected by hand',
    edits: [
      {
        file: 'electron/core/connections/restore.ts',
        from: '    if (r.removed || !wanted.has(r.id)) continue;',
        to: '    if (r.removed || !wanted.has(r.id) || r.id !== d.settings.currentServerId) continue;',
      },
    ],
    tests: [...lifecycle, ...launch],
  },
  {
    name: 'restored-other-keys-not-registered',
    what: 'at start-up only the current server’s restored key is registered as a secret, so another server’s key can reach the log',
    edits: [
      {
        file: 'electron/core/connections/restore.ts',
        from: '      d.logger.addSecret(key);\n      c.hold(r, key);',
        to: '      if (r.id === d.settings.currentServerId) d.logger.addSecret(key);\n      c.hold(r, key);',
      },
    ],
    tests: ['test/integration/core/keyCanary.test.ts'],
  },
  {
    name: 'server-not-named-when-offline',
    what: 'an action only a server can do fails without naming the server or saying how to reconnect it',
    edits: [
      {
        file: 'electron/core/connections/serverConnection.ts',
        from: '    `${label} is not connected, so the app cannot ${action}. Reconnect ${label} from the list of servers (enter its key again) and try again; meetings already on this computer stay readable meanwhile.`,',
        to: "    'Connect to a Vexa server first (or try the demo).',",
      },
    ],
    tests: lifecycle,
  },
  {
    name: 'demo-meetings-stay',
    what: 'ending the demo leaves its meetings in the library beside the real ones',
    edits: [
      {
        file: 'electron/core/serverHandlers.ts',
        from: '    await demo.stop();\n    await connections.forgetDemo();',
        to: '    await demo.stop();\n    if (demo.running) await connections.forgetDemo();',
      },
    ],
    tests: ['test/integration/core/demoApart.test.ts'],
  },
  {
    name: 'demo-meetings-lost-on-restart',
    what: 'a restart with the demo on deletes the demo’s meetings',
    edits: [
      {
        file: 'electron/core/connections/restore.ts',
        from: '      if (!wanted.has(r.id)) {\n        await d.library.removeServerMeetings(r.id);',
        to: '      {\n        await d.library.removeServerMeetings(r.id);',
      },
    ],
    tests: ['test/integration/core/demoApart.test.ts'],
  },
  {
    name: 'export-on-current-server',
    what: "export, share and hand-off of a meeting ask the current server instead of the meeting's own",
    edits: [
      {
        file: 'electron/core/share/transcriptService.ts',
        from: '    const serverId = ref.serverId ?? this.d.activeServerId();',
        to: '    const serverId = this.d.activeServerId() ?? ref.serverId ?? null;',
      },
    ],
    tests: ['test/integration/share/exportAcrossServers.test.ts'],
  },
  {
    name: 'export-unnamed-server-offline-throws',
    what: 'with no server connected, exporting a meeting whose request names no server fails though its lines are on this computer',
    edits: [
      {
        file: 'electron/core/share/transcriptService.ts',
        from: '    const holding = (await this.d.cachedServersOf?.(ref)) ?? [];',
        to: '    const holding: string[] = [];',
      },
    ],
    tests: ['test/integration/core/offlineLibrary.test.ts'],
  },
  {
    name: 'one-server-settings-ignored',
    what: 'settings written by the one-server release are read as if no server had been connected',
    edits: [
      {
        file: 'electron/core/settings.ts',
        from: "      return StoredSchema.parse(fromOneServerLayout(JSON.parse(readFileSync(file, 'utf8'))));",
        to: "      return StoredSchema.parse(JSON.parse(readFileSync(file, 'utf8')));",
      },
    ],
    tests: ['test/integration/core/releaseMigration.test.ts', 'test/unit/core/settings.test.ts'],
  },
];
