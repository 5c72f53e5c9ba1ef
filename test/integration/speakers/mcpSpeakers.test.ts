import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACME, buildDataFolder, connect, textOf, type Connected } from '../mcp/libraryFixture';
import type { TestLibrary } from '../cache/helpers';

// The AI tools' MCP server (the SDK's own client, the real library file read by its own
// connection) names speakers as the app shows them, including corrections made while it runs.

type Line = { speaker: string | null; text: string };

describe('speaker corrections through the MCP server', () => {
  let dir: string;
  let lib: TestLibrary;
  let ids: Record<string, number>;
  let mcp: Connected;
  beforeEach(async () => {
    ({ dir, lib, ids } = await buildDataFolder([ACME]));
    mcp = await connect(dir);
  });
  afterEach(async () => {
    await mcp.close();
    lib.close();
  });

  it('get_transcript, get_meeting and search_meetings use the corrected names, and the filter takes them', async () => {
    const before = (await mcp.call('get_transcript', { meetingId: ids.planning })).structuredContent as { lines: Line[] };
    expect(before.lines.some((l) => l.speaker === 'Bob Stone')).toBe(true);

    // Made in the app while the MCP server runs (another connection to the same file).
    lib.library.speakers.add({ serverId: ACME, meetingId: 1, kind: 'rename', label: 'Bob Stone', name: 'Robert Stein' }, Date.now());

    const after = await mcp.call('get_transcript', { meetingId: ids.planning });
    const data = after.structuredContent as { lines: Line[]; speakers: string[] };
    expect(data.speakers).toContain('Robert Stein');
    expect(data.speakers).not.toContain('Bob Stone');
    expect(textOf(after)).toContain('Robert Stein: The robotics budget');
    expect(textOf(after)).not.toContain('Bob Stone:');

    const only = (await mcp.call('get_transcript', { meetingId: ids.planning, speaker: 'robert stein' })).structuredContent as {
      lines: Line[];
    };
    expect(only.lines.map((l) => l.speaker)).toEqual(['Robert Stein', 'Robert Stein']);

    const meeting = (await mcp.call('get_meeting', { meetingId: ids.planning })).structuredContent as { speakers: string[] };
    expect(meeting.speakers).toEqual(expect.arrayContaining(['Alice Martin', 'Robert Stein']));
    expect(meeting.speakers).not.toContain('Bob Stone');

    const hits = (await mcp.call('search_meetings', { query: 'budget', speaker: 'Robert Stein' })).structuredContent as { lines: Line[] };
    expect(hits.lines.map((l) => l.speaker)).toEqual(['Robert Stein']);
    const byName = (await mcp.call('search_meetings', { query: 'Stein' })).structuredContent as {
      lines: Array<{ meetingId: number; speaker: string }>;
    };
    expect(byName.lines.map((l) => [l.meetingId, l.speaker])).toEqual([
      [ids.planning, 'Robert Stein'],
      [ids.planning, 'Robert Stein'],
    ]);
    // The retro's Bob Stone was not renamed (a one-meeting correction).
    const retro = (await mcp.call('get_transcript', { meetingId: ids.retro })).structuredContent as { lines: Line[] };
    expect(retro.lines.some((l) => l.speaker === 'Bob Stone')).toBe(true);
  });
});
