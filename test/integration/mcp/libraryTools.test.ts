import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTHING_SHARED } from '../../../electron/mcp/scope';
import { MAX_TEXT_CHARS } from '../../../electron/mcp/transcriptTool';
import { ACME, buildDataFolder, connect, HIDDEN, KEY_LABEL, SECRET_KEY, textOf, writeSettings, type Connected } from './libraryFixture';
import { segment, type TestLibrary } from '../cache/helpers';

type Hit = { meetingId: number; speaker: string | null; snippet: string; secondsFromStart: number };

describe('the library as an MCP server (SDK client, real library file)', () => {
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

  it('offers four read-only tools with their input schemas', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_meeting', 'get_transcript', 'list_meetings', 'search_meetings']);
    for (const t of tools) {
      expect(t.annotations?.readOnlyHint).toBe(true);
      expect(t.description?.length).toBeGreaterThan(80);
      expect(t.outputSchema).toBeDefined();
    }
    expect(tools.find((t) => t.name === 'search_meetings')?.inputSchema.required).toEqual(['query']);
  });

  it('search_meetings finds transcript lines with meeting, time, speaker and snippet, and meetings by name and notes', async () => {
    const r = await mcp.call('search_meetings', { query: 'budget' });
    expect(r.isError).toBeFalsy();
    const data = r.structuredContent as { lines: Hit[]; meetings: Array<{ meetingId: number; matchedIn: string[] }> };
    expect(data.lines.length).toBe(5);
    expect(new Set(data.lines.map((l) => l.meetingId))).toEqual(new Set([ids.planning, ids.retro]));
    const robotics = data.lines.find((l) => l.snippet.includes('robotics'))!;
    expect(robotics).toMatchObject({ meetingId: ids.planning, speaker: 'Bob Stone', secondsFromStart: 65 });
    expect(robotics.snippet).toContain('**budget**');
    expect(data.meetings.find((m) => m.meetingId === ids.planning)?.matchedIn).toEqual(['name', 'notes']);
    expect(textOf(r)).toContain('Bob Stone');
    expect(textOf(r)).toContain('0:01:05');
  });

  it('search_meetings filters by speaker, server, platform and dates', async () => {
    const bySpeaker = (await mcp.call('search_meetings', { query: 'budget', speaker: 'alice martin' })).structuredContent as {
      lines: Hit[];
    };
    expect(bySpeaker.lines.map((l) => l.speaker)).toEqual(['Alice Martin', 'Alice Martin', 'Alice Martin']);
    const onTeams = (await mcp.call('search_meetings', { query: 'budget', platform: 'teams' })).structuredContent as { lines: Hit[] };
    expect(onTeams.lines.map((l) => l.meetingId)).toEqual([ids.retro]);
    const inMarch9 = (await mcp.call('search_meetings', { query: 'budget', from: '2026-03-09', to: '2026-03-09' })).structuredContent as {
      lines: Hit[];
    };
    expect(inMarch9.lines.map((l) => l.meetingId)).toEqual([ids.retro]);
    const byLabel = (await mcp.call('search_meetings', { query: 'budget', server: 'acme' })).structuredContent as { lines: Hit[] };
    expect(byLabel.lines).toHaveLength(5);
  });

  it('search_meetings pages: nextOffset leads to the lines the first page left out', async () => {
    const first = (await mcp.call('search_meetings', { query: 'budget', limit: 2 })).structuredContent as {
      lines: Hit[];
      nextOffset: number;
    };
    expect(first.lines).toHaveLength(2);
    expect(first.nextOffset).toBe(2);
    const rest: Hit[] = [];
    let offset: number | null = first.nextOffset;
    while (offset !== null) {
      const page = (await mcp.call('search_meetings', { query: 'budget', limit: 2, offset })).structuredContent as {
        lines: Hit[];
        nextOffset: number | null;
      };
      rest.push(...page.lines);
      offset = page.nextOffset;
    }
    const all = [...first.lines, ...rest].map((l) => l.snippet);
    expect(all).toHaveLength(5);
    expect(new Set(all).size).toBe(5);
  });

  it('a server the person did not share stays invisible to every tool', async () => {
    const search = await mcp.call('search_meetings', { query: 'secret' });
    expect((search.structuredContent as { lines: Hit[] }).lines).toEqual([]);
    const budget = JSON.stringify(await mcp.call('search_meetings', { query: 'budget', limit: 50 }));
    expect(budget).not.toContain('ninety');
    expect(budget).not.toContain('Private budget review');
    const list = (await mcp.call('list_meetings', { limit: 100 })).structuredContent as { meetings: Array<{ meetingId: number }> };
    expect(list.meetings.map((m) => m.meetingId)).not.toContain(ids.hidden);
    for (const tool of ['get_meeting', 'get_transcript']) {
      const r = await mcp.call(tool, { meetingId: ids.hidden });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toBe(
        `No meeting with id ${ids.hidden} is in the shared library. Find meeting ids with list_meetings or search_meetings.`,
      );
    }
    const named = await mcp.call('list_meetings', { server: 'Private' });
    expect(named.isError).toBe(true);
    expect(textOf(named)).toContain('No shared server is called "Private"');
    expect(textOf(named)).not.toContain(HIDDEN);
  });

  it('shares nothing until the person ticks a server, and a change takes effect at the next call', async () => {
    writeSettings(dir, []);
    for (const [tool, args] of [
      ['search_meetings', { query: 'budget' }],
      ['list_meetings', {}],
      ['get_meeting', { meetingId: ids.planning }],
      ['get_transcript', { meetingId: ids.planning }],
    ] as const) {
      const r = await mcp.call(tool, args);
      expect(r.isError).toBe(true);
      expect(textOf(r)).toBe(NOTHING_SHARED);
    }
    writeSettings(dir, [ACME, HIDDEN]);
    const both = (await mcp.call('search_meetings', { query: 'secret' })).structuredContent as { lines: Hit[] };
    expect(both.lines.map((l) => l.meetingId)).toEqual([ids.hidden]);
  });

  it('list_meetings lists newest first, filters and pages', async () => {
    const all = (await mcp.call('list_meetings', {})).structuredContent as {
      meetings: Array<{ meetingId: number; name: string }>;
      nextOffset: null;
    };
    expect(all.meetings.map((m) => m.meetingId)).toEqual([ids.failed, ids.retro, ids.planning]);
    expect(all.nextOffset).toBeNull();
    const page1 = (await mcp.call('list_meetings', { limit: 2 })).structuredContent as {
      meetings: Array<{ meetingId: number }>;
      nextOffset: number;
    };
    expect(page1.nextOffset).toBe(2);
    const page2 = (await mcp.call('list_meetings', { limit: 2, offset: 2 })).structuredContent as {
      meetings: Array<{ meetingId: number }>;
      nextOffset: null;
    };
    expect(page2.meetings.map((m) => m.meetingId)).toEqual([ids.planning]);
    expect(page2.nextOffset).toBeNull();
    const failed = (await mcp.call('list_meetings', { status: 'failed' })).structuredContent as { meetings: Array<{ meetingId: number }> };
    expect(failed.meetings.map((m) => m.meetingId)).toEqual([ids.failed]);
    const early = (await mcp.call('list_meetings', { to: '2026-03-05' })).structuredContent as { meetings: Array<{ meetingId: number }> };
    expect(early.meetings.map((m) => m.meetingId)).toEqual([ids.planning]);
    expect(textOf(await mcp.call('list_meetings', {}))).toContain('"Sprint retro"');
  });

  it('get_meeting gives the link, times, notes, participants, speakers, outcome and status history', async () => {
    const r = await mcp.call('get_meeting', { meetingId: ids.planning });
    const d = r.structuredContent as Record<string, unknown> & {
      participants: Array<{ name: string; role: string }>;
      statusHistory: Array<{ status: string }>;
      meeting: { name: string; durationMinutes: number };
    };
    expect(d.meeting).toMatchObject({ name: 'Budget planning', durationMinutes: 45 });
    expect(d.link).toBe('https://meet.google.com/abc-defg-hij');
    expect(d.notes).toBe('Decide the Q3 budget for the robotics team');
    expect(d.participants.map((p) => `${p.name}:${p.role}`)).toEqual([
      'Alice Martin:spoke',
      'Bob Stone:spoke',
      'Dana Typed:named in the meeting’s details',
    ]);
    expect(d.speakers).toEqual(['Alice Martin', 'Bob Stone']);
    expect(d.statusHistory.map((e) => e.status)).toEqual(['requested', 'active', 'completed']);
    const failed = await mcp.call('get_meeting', { meetingId: ids.failed });
    expect((failed.structuredContent as { outcome: string }).outcome).not.toBe('');
    expect((failed.structuredContent as { failureStage: string }).failureStage).toBe('awaiting_admission');
    expect(textOf(r)).toContain('Status history:');
  });

  it('get_transcript reads a meeting, by time range and speaker, in pages that say how to continue', async () => {
    const whole = await mcp.call('get_transcript', { meetingId: ids.planning });
    expect(textOf(whole)).toContain('[0:01:05] Bob Stone: The robotics budget needs forty thousand.');
    expect((whole.structuredContent as { nextOffset: null }).nextOffset).toBeNull();
    const range = (await mcp.call('get_transcript', { meetingId: ids.planning, from: '1:00', to: 200 })).structuredContent as {
      lines: Array<{ secondsFromStart: number }>;
    };
    expect(range.lines.map((l) => l.secondsFromStart)).toEqual([65, 130, 190]);
    const bob = (await mcp.call('get_transcript', { meetingId: ids.planning, speaker: 'BOB STONE' })).structuredContent as {
      lines: Array<{ speaker: string }>;
    };
    expect(bob.lines.map((l) => l.speaker)).toEqual(['Bob Stone', 'Bob Stone']);
    const first = await mcp.call('get_transcript', { meetingId: ids.planning, limit: 2 });
    expect((first.structuredContent as { nextOffset: number }).nextOffset).toBe(2);
    expect(textOf(first)).toContain('call get_transcript again with offset 2');
    const next = (await mcp.call('get_transcript', { meetingId: ids.planning, limit: 2, offset: 2 })).structuredContent as {
      lines: Array<{ secondsFromStart: number }>;
    };
    expect(next.lines.map((l) => l.secondsFromStart)).toEqual([130, 190]);
  });

  it('caps a long transcript by its size and says where to continue, until every line was read', async () => {
    const long = Array.from({ length: 300 }, (_, i) =>
      segment(`l${i}`, `Line ${i}: ${'we walked through the quarterly numbers once more '.repeat(8)}`, {
        speaker: 'Alice Martin',
        start: i * 10,
      }),
    );
    await lib.library.replaceTranscript(ids.retro!, long, { complete: true });
    const seen: number[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const r = await mcp.call('get_transcript', { meetingId: ids.retro, offset, limit: 2000 });
      const data = r.structuredContent as { lines: Array<{ secondsFromStart: number }>; nextOffset: number | null; matchingLines: number };
      expect(textOf(r).length).toBeLessThan(MAX_TEXT_CHARS + 2_000);
      if (data.nextOffset !== null) expect(textOf(r)).toContain(`call get_transcript again with offset ${data.nextOffset}`);
      seen.push(...data.lines.map((l) => l.secondsFromStart));
      offset = data.nextOffset;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(long.map((l) => l.start ?? -1));
  });

  it('answers bad input with a tool error a model can act on', async () => {
    const notANumber = await mcp.call('get_transcript', { meetingId: 'the budget one' });
    expect(notANumber.isError).toBe(true);
    expect(textOf(notANumber)).toMatch(/Input validation error.*meetingId/s);
    const badDate = await mcp.call('list_meetings', { from: 'last Tuesday' });
    expect(badDate.isError).toBe(true);
    expect(textOf(badDate)).toBe(
      '"from" must be a date like 2026-03-01 or a date and time like 2026-03-01T14:30; "last Tuesday" is neither.',
    );
    const nobody = await mcp.call('get_transcript', { meetingId: ids.planning, speaker: 'Zed' });
    expect(textOf(nobody)).toBe(`Nobody called "Zed" speaks in meeting #${ids.planning}. Speakers: Alice Martin, Bob Stone.`);
    const emptyQuery = await mcp.call('search_meetings', { query: '   ' });
    expect(emptyQuery.isError).toBe(true);
  });

  it('never reads or returns a key: no answer holds the key file’s secret or the masked key label', async () => {
    writeSettings(dir, [ACME, HIDDEN]);
    const answers = [
      await mcp.call('search_meetings', { query: 'budget' }),
      await mcp.call('list_meetings', { limit: 100 }),
      ...(await Promise.all(Object.values(ids).map((id) => mcp.call('get_meeting', { meetingId: id })))),
      ...(await Promise.all(Object.values(ids).map((id) => mcp.call('get_transcript', { meetingId: id })))),
    ];
    for (const a of answers) {
      expect(a.isError).toBeFalsy();
      const json = JSON.stringify(a);
      expect(json).not.toContain(SECRET_KEY);
      expect(json).not.toContain(KEY_LABEL);
    }
  });
});
