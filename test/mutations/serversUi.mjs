// Named mutations of the window's side of several servers (renderer/features/servers, the stores
// keyed by server), for the mutation check (scripts/mutationCheck.mjs; format: test/mutations/core.mjs).
// Each breaks one promise the way a plausible slip would; `tests` must fail. The e2e specs
// (test/e2e/servers.spec.ts, reenterKey.spec.ts) guard the same promises on screen.
const servers = ['test/unit/renderer/servers.test.ts'];
const keys = ['test/unit/renderer/meetingKeys.test.ts'];

export const mutations = [
  {
    name: 'ui-announcement-keyed-by-meeting-id',
    what: 'status announcements compare meetings by id alone: meeting 7 of one server is taken for meeting 7 of another',
    edits: [
      {
        file: 'renderer/features/bots/describe.ts',
        from: 'const before = new Map(previous.map((m) => [keyOfTracked(m), m.status]));',
        to: 'const before = new Map(previous.map((m) => [String(m.id), m.status]));',
      },
      {
        file: 'renderer/features/bots/describe.ts',
        from: 'const was = before.get(keyOfTracked(meeting));',
        to: 'const was = before.get(String(meeting.id));',
      },
    ],
    tests: servers,
  },
  {
    name: 'ui-announcement-without-server',
    what: 'with several servers, a lobby announcement does not say which server’s bot waits',
    edits: [
      {
        file: 'renderer/features/bots/describe.ts',
        from: 'const name = server ? `${meeting.name} on ${server}` : meeting.name;',
        to: 'const name = meeting.name;',
      },
    ],
    tests: servers,
  },
  {
    name: 'ui-busy-keyed-by-meeting-id',
    what: 'stopping meeting 7 on one server shows meeting 7 of every server as stopping',
    edits: [
      {
        file: 'renderer/features/bots/store.ts',
        from: '      const key = meetingKey(serverId, meetingId);\n      return { busy:',
        to: '      const key = String(meetingId);\n      return { busy:',
      },
    ],
    tests: keys,
  },
  {
    name: 'ui-captions-keyed-by-meeting-id',
    what: 'a caption delta of meeting 7 on one server lands in meeting 7 of another',
    edits: [
      {
        file: 'renderer/features/captions/store.ts',
        from: 'const id = meetingKey(delta.serverId, delta.meetingId);',
        to: "const id = Object.keys(get().meetings).find((k) => k.startsWith(`${delta.meetingId}\\n`)) ?? '';",
      },
    ],
    tests: keys,
  },
  {
    name: 'ui-refresh-drops-other-servers',
    what: 'reading one server’s bots again drops the followed meetings of every other server',
    edits: [
      {
        file: 'renderer/features/bots/store.ts',
        from: '...meetings.filter((m) => m.serverId === serverId), ...s.meetings.filter((m) => m.serverId !== serverId)',
        to: '...meetings.filter((m) => m.serverId === serverId)',
      },
    ],
    tests: keys,
  },
  {
    name: 'ui-launch-ignores-offer',
    what: 'the launch picker offers the current server whatever was last used for the link',
    edits: [
      {
        file: 'renderer/features/servers/describe.ts',
        from: 'for (const id of [picked, target?.serverId ?? null, currentServerId])',
        to: 'for (const id of [picked, currentServerId])',
      },
    ],
    tests: servers,
  },
  {
    name: 'ui-launch-pick-ignored',
    what: 'the server the person picked gives way to the one offered for the link',
    edits: [
      {
        file: 'renderer/features/servers/describe.ts',
        from: 'for (const id of [picked, target?.serverId ?? null, currentServerId])',
        to: 'for (const id of [target?.serverId ?? null, picked, currentServerId])',
      },
    ],
    tests: servers,
  },
  {
    name: 'ui-live-summary-counts-all',
    what: 'the top bar says every server is live while one is down',
    edits: [
      {
        file: 'renderer/features/servers/describe.ts',
        from: 'const up = words.filter((w) => w.up).length;',
        to: 'const up = words.length;',
      },
    ],
    tests: servers,
  },
  {
    name: 'ui-offline-locked',
    what: 'without a connected server the window shows the start screen even though the library holds meetings',
    edits: [
      {
        file: 'renderer/features/servers/describe.ts',
        from: '  return libraryMeetings === null ? known : libraryMeetings > 0;',
        to: '  return false && known;',
      },
    ],
    tests: servers,
  },
  {
    name: 'ui-offline-names-no-server',
    what: 'the "Not connected" banner names a disconnected server before the one waiting for its key',
    edits: [
      {
        file: 'renderer/features/servers/describe.ts',
        from: "    candidates.find((s) => s.status === 'key_needed' && s.id === currentServerId) ??\n",
        to: '    candidates.find((s) => s.id === currentServerId) ??\n',
      },
    ],
    tests: servers,
  },
];
