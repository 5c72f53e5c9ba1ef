import { describe, expect, it } from 'vitest';
import type { LiveStateView, ServerConnectionView, TrackedMeetingView } from '../../../shared/ipc/models';
import { statusChanges } from '../../../renderer/features/bots/describe';
import {
  launchReason,
  launchServer,
  liveSummary,
  liveSummaryDetail,
  moveServer,
  namesServers,
  offlineNotice,
  opensApp,
  serverColour,
  serverNameFor,
  slotsText,
} from '../../../renderer/features/servers/describe';

const A = 'https://cloud.example';
const B = 'https://lab.example:8443';
const C = 'http://old.example';

function server(id: string, label: string, patch: Partial<ServerConnectionView> = {}): ServerConnectionView {
  return {
    id,
    url: id,
    label,
    hostLabel: id.replace(/^https?:\/\//, ''),
    colour: null,
    position: 0,
    generation: 'g3',
    capabilities: null,
    demo: false,
    insecure: false,
    status: 'connected',
    key: { label: 'vxa_tx_…9f2c', storage: 'keychain' },
    error: null,
    slots: null,
    checkedAt: 1,
    userEmail: null,
    warnings: [],
    ...patch,
  };
}

const live = (serverId: string, status: LiveStateView['status'], retryAt: number | null = null): LiveStateView => ({
  serverId,
  status,
  retryAt,
  attempt: 0,
  dropped: 0,
  message: null,
});

describe('naming servers', () => {
  it('names a meeting’s server only once the app knows more than one (a removed one does not count)', () => {
    const one = [server(A, 'Cloud')];
    expect(namesServers(one)).toBe(false);
    expect(serverNameFor(one, A)).toBeNull();
    expect(namesServers([...one, server(B, 'Lab', { status: 'removed' })])).toBe(false);
    const two = [...one, server(B, 'Lab', { status: 'disconnected' })];
    expect(namesServers(two)).toBe(true);
    expect(serverNameFor(two, B)).toBe('Lab');
  });

  it('says the server in a status announcement once there are several, so two meetings of one name differ', () => {
    const meeting = (serverId: string, status: TrackedMeetingView['status']): TrackedMeetingView => ({
      serverId,
      id: 7,
      platform: 'teams',
      nativeId: '3817264501234',
      name: 'Microsoft Teams 3817264501234',
      meetingUrl: null,
      status,
      since: 0,
      history: [{ status, at: 0 }],
      completionReason: null,
      failureStage: null,
      outcome: null,
    });
    const names: Record<string, string> = { [A]: 'Cloud', [B]: 'Lab' };
    // Meeting 7 on both servers: the one on B changed, the one on A did not.
    const before = [meeting(A, 'active'), meeting(B, 'joining')];
    const after = [meeting(A, 'active'), meeting(B, 'awaiting_admission')];
    expect(statusChanges(before, after, (id) => names[id] ?? null)).toEqual([
      'The bot is waiting in the lobby of Microsoft Teams 3817264501234 on Lab. Admit it in the meeting.',
    ]);
    expect(statusChanges(before, after)).toEqual([
      'The bot is waiting in the lobby of Microsoft Teams 3817264501234. Admit it in the meeting.',
    ]);
  });

  it('draws a server in the person’s colour, else by its place in the list; the demo keeps its own', () => {
    expect(serverColour({ colour: 'pink', position: 0, demo: false })).toBe('pink');
    expect(serverColour({ colour: null, position: 0, demo: false })).toBe('blue');
    expect(serverColour({ colour: null, position: 1, demo: false })).toBe('green');
    expect(serverColour({ colour: null, position: 9, demo: false })).toBe('green');
    expect(serverColour({ colour: null, position: 0, demo: true })).toBe('demo');
  });
});

describe('the launch picker', () => {
  const servers = [server(A, 'Cloud'), server(B, 'Lab'), server(C, 'Old', { status: 'disconnected' })];

  it('offers the server the core chose for the link, else the current one, else the first that can send', () => {
    expect(launchServer(servers, null, { serverId: B }, A)).toBe(B);
    expect(launchServer(servers, null, null, B)).toBe(B);
    expect(launchServer(servers, null, null, null)).toBe(A);
    // A server that cannot send now is passed over wherever it comes from.
    expect(launchServer(servers, null, { serverId: C }, C)).toBe(A);
    expect(launchServer([servers[2]!], null, null, C)).toBeNull();
  });

  it('keeps the person’s pick while that server can send', () => {
    expect(launchServer(servers, A, { serverId: B }, B)).toBe(A);
    expect(launchServer(servers, C, { serverId: B }, A)).toBe(B);
  });

  it('says why the offered server is offered', () => {
    expect(launchReason({ why: 'platform', platform: 'teams', domain: 'teams.microsoft.com' })).toBe('Last used for Microsoft Teams links');
    expect(launchReason({ why: 'link-domain', platform: 'zoom', domain: 'acme.zoom.us' })).toBe('Last used for links on acme.zoom.us');
    expect(launchReason({ why: 'current', platform: 'google_meet', domain: 'meet.google.com' })).toBe('The server you are working with');
    expect(launchReason({ why: 'first', platform: null, domain: null })).toBeNull();
    expect(launchReason(null)).toBeNull();
  });

  it('shows each server’s free bot slots in words', () => {
    expect(slotsText({ serverId: A, running: 1, limit: 3, free: 2, source: 'server' })).toBe('2 of 3 bots free');
    expect(slotsText({ serverId: A, running: 1, limit: 1, free: 0, source: 'refusal' })).toBe('No bot free (1 of 1 running)');
    expect(slotsText({ serverId: A, running: 2, limit: null, free: null, source: 'unknown' })).toBe('2 bots running');
    expect(slotsText({ serverId: A, running: 0, limit: null, free: null, source: 'unknown' })).toBe('No bot running');
    expect(slotsText(null)).toBeNull();
  });
});

describe('the live indicator across servers', () => {
  const now = 1_000_000;

  it('summarises how many sending servers are live, and each one’s state', () => {
    const servers = [
      server(A, 'Cloud'),
      server(B, 'Lab'),
      server(C, 'Old'),
      server('https://gone.example', 'Gone', { status: 'disconnected' }),
    ];
    const summary = liveSummary(
      servers,
      { [A]: live(A, 'connected'), [B]: live(B, 'reconnecting', now + 3_000), [C]: live(C, 'connected') },
      now,
    );
    expect(summary).toMatchObject({ label: 'Connected: 2 of 3 servers', tone: 'warn', ticking: true });
    expect(summary?.lines).toEqual([
      { serverId: A, label: 'Cloud', text: 'Connected', canReconnect: false },
      { serverId: B, label: 'Lab', text: 'Reconnecting in 3 s', canReconnect: true },
      { serverId: C, label: 'Old', text: 'Connected', canReconnect: false },
    ]);
    expect(liveSummaryDetail(summary!)).toBe('Cloud: Connected. Lab: Reconnecting in 3 s. Old: Connected.');
  });

  it('reads all live, or none live, as such', () => {
    const two = [server(A, 'Cloud'), server(B, 'Lab')];
    expect(liveSummary(two, { [A]: live(A, 'connected'), [B]: live(B, 'connected') }, now)).toMatchObject({
      label: 'Connected: all 2 servers',
      tone: 'success',
    });
    expect(liveSummary(two, { [A]: live(A, 'offline'), [B]: live(B, 'unauthorized') }, now)).toMatchObject({
      label: 'Connected: 0 of 2 servers',
      tone: 'danger',
    });
  });

  it('leaves one server to the one-server indicator', () => {
    expect(liveSummary([server(A, 'Cloud'), server(B, 'Lab', { status: 'key_needed' })], { [A]: live(A, 'connected') }, now)).toBeNull();
  });
});

describe('reordering', () => {
  it('moves one server up or down, and not past either end', () => {
    expect(moveServer([A, B, C], C, -1)).toEqual([A, C, B]);
    expect(moveServer([A, B, C], A, 1)).toEqual([B, A, C]);
    expect(moveServer([A, B, C], A, -1)).toEqual([A, B, C]);
    expect(moveServer([A, B, C], C, 1)).toEqual([A, B, C]);
  });
});

describe('offline is not locked', () => {
  it('names the server to reconnect: the current one waiting for its key first', () => {
    const servers = [server(A, 'Cloud', { status: 'disconnected' }), server(B, 'Lab', { status: 'key_needed' })];
    expect(offlineNotice(servers, A)).toEqual({
      server: { id: B, label: 'Lab', status: 'key_needed' },
      text: 'Lab needs its API key again. Your library, search, notes and exports work on this computer.',
    });
    expect(offlineNotice([servers[0]!], A)?.text).toBe(
      'Cloud is disconnected. Your library, search, notes and exports work on this computer.',
    );
    // The core's reason, where it gave one, names the server and says why.
    const refused = server(B, 'Lab', {
      status: 'key_needed',
      error: {
        code: 'key_refused',
        message: 'Lab refused the API key this app was using: it may have been revoked. Enter a new API key for Lab.',
      },
    });
    expect(offlineNotice([refused], B)?.text).toBe(
      'Lab refused the API key this app was using: it may have been revoked. Enter a new API key for Lab. Your library, search, notes and exports work on this computer.',
    );
    expect(offlineNotice([server(A, 'Cloud', { status: 'removed' })], null)).toMatchObject({ server: null });
    expect(offlineNotice([...servers, server(C, 'Old')], A)).toBeNull();
    expect(offlineNotice([...servers, server(C, 'Old', { status: 'connecting' })], A)).toBeNull();
  });

  it('opens the app on the library without a server when the library holds the person’s meetings', () => {
    const none = { status: 'none', server: null };
    const gone = [server(A, 'Cloud', { status: 'disconnected' })];
    expect(opensApp(none, gone, 12)).toBe(true);
    expect(opensApp(none, gone, 0)).toBe(false);
    // Not counted yet: the servers the app knows decide.
    expect(opensApp(none, gone, null)).toBe(true);
    expect(opensApp(none, [], null)).toBe(false);
    expect(opensApp(none, [server('demo', 'Demo', { demo: true, status: 'disconnected' })], null)).toBe(false);
    // Another server connected while the current one waits for its key.
    expect(opensApp(none, [...gone, server(B, 'Lab')], 0)).toBe(true);
    expect(opensApp({ status: 'connected', server: {} }, [], 0)).toBe(true);
  });
});
