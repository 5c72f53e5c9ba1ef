import { afterEach, describe, expect, it } from 'vitest';
import { createLinkInbox } from '../../../electron/core/links/coreLinks';
import type { LinkRequest } from '../../../shared/ipc/links';
import { meetingDeepLink } from '../../../shared/deepLink';
import { quietLogger } from '../../support/logger';
import { addServer, meeting, openLibrary, type TestLibrary } from './helpers';

// The link inbox on a real cache: the servers it knows come from the list of servers and from the
// library (a server removed with its meetings kept is still one), and "in the library" means what
// the library shows (a meeting deleted on this computer keeps a hidden row, which does not count).

let t: TestLibrary | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

const ONE = 'https://one.example';
const TWO = 'https://two.example';

function linksOn(lib: TestLibrary, listed: Array<{ id: string; label: string }>) {
  const events: Array<{ event: string; payload: unknown }> = [];
  const links = createLinkInbox({
    connections: { list: () => listed as never },
    library: lib.library,
    emit: (event, payload) => void events.push({ event, payload }),
    logger: quietLogger,
  });
  return { ...links, events };
}

describe('meeting links against the library', () => {
  it('open the meeting of the named server by the server’s id; a locally deleted one and an unknown server are refused', async () => {
    t = openLibrary();
    addServer(t.cache.db, ONE);
    addServer(t.cache.db, TWO);
    const [a] = await t.library.upsertMeetings(ONE, [meeting(7, { name: 'Roadmap' })]);
    const [b] = await t.library.upsertMeetings(TWO, [meeting(7, { name: 'Budget' }), meeting(8)]);
    // TWO is not in the list of servers any more (removed, its meetings kept): the library still names it.
    const { inbox, handlers, events } = linksOn(t, [{ id: ONE, label: 'One' }]);

    expect(await inbox.open(meetingDeepLink(TWO, 7))).toEqual({ kind: 'meeting', serverId: TWO, meetingId: b!.id, remoteId: 7 });
    expect(await inbox.open(meetingDeepLink(ONE, 7))).toEqual({ kind: 'meeting', serverId: ONE, meetingId: a!.id, remoteId: 7 });
    expect(await inbox.open('vexa://meeting/two.example/7')).toMatchObject({ serverId: TWO, meetingId: b!.id });

    const eight = await t.library.localId(TWO, 8);
    await t.library.deleteLocal(eight!);
    const deleted = await inbox.open(meetingDeepLink(TWO, 8));
    expect(deleted).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^Meeting 8 of .* is not in the library on this computer/),
    });
    expect(await inbox.open(meetingDeepLink('https://three.example', 7))).toMatchObject({ kind: 'refused' });

    const taken = (await handlers['links:take'](undefined)) as LinkRequest[];
    expect(taken.map((r) => r.kind)).toEqual(['meeting', 'meeting', 'meeting', 'refused', 'refused']);
    expect(events.map((e) => e.event)).toEqual(Array(5).fill('links:waiting'));
    expect(await handlers['links:take'](undefined)).toEqual([]);
  });
});
