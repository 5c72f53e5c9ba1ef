import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { exportTranscript, type JsonExport } from '../../../electron/core/export';
import schema from '../../../electron/core/export/transcript.schema.json';
import { generateMeeting } from '../../fixtures/export/generate';
import { hostileTranscript, LONG_TEXT, TEXTS } from '../../fixtures/export/hostile';
import { fixtureJson } from '../../support/fixtures';

const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
const validate = ajv.compile(schema);

async function exported(input: Record<string, unknown>, options = {}): Promise<JsonExport> {
  const text = await exportTranscript(input, 'json', { now: Date.UTC(2026, 7, 21, 12), ...options });
  const value: unknown = JSON.parse(text);
  const ok = validate(value);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return value as JsonExport;
}

describe('JSON export validated against transcript.schema.json (draft 2020-12, Ajv)', () => {
  it.each(['g1.json', 'g2.json', 'g3.json'])('validates for the %s generation shape', async (name) => {
    const value = await exported(fixtureJson(`export/${name}`));
    expect(value.exported_at).toBe('2026-08-21T12:00:00.000Z');
    expect(value.segments.length).toBeGreaterThan(0);
  });

  it('keeps hostile text exactly, sorted, without drafts or empty segments', async () => {
    const value = await exported(hostileTranscript());
    expect(value.meeting).toMatchObject({
      id: 777,
      platform: 'zoom',
      native_meeting_id: '85173157171',
      name: 'Hostile <b>review</b> # 1',
      start_time: '2026-08-20T09:00:00.000Z',
    });
    const texts = value.segments.map((s) => s.text);
    expect(texts).toContain(TEXTS.arabic);
    expect(texts).toContain(TEXTS.emoji);
    expect(texts).toContain(TEXTS.injection);
    expect(texts).toContain(LONG_TEXT);
    expect(texts).toContain('first line second --> third ---> fourth');
    expect(texts).not.toContain(TEXTS.draft);
    const starts = value.segments.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(value.segments.find((s) => s.text === TEXTS.noAbsolute)).toMatchObject({ absolute_start_time: null, start: 75 });
    expect(value.segments.find((s) => s.text === TEXTS.noSpeaker)?.speaker).toBeNull();
  });

  it('writes G3 epoch-second starts as seconds from the start, and drafts only when asked', async () => {
    const g3 = await exported(fixtureJson('export/g3.json'));
    expect(g3.segments.at(-1)).toMatchObject({
      segment_id: '7f6c1d2e:spk-2:epoch',
      start: 18,
      end: 21.5,
      absolute_start_time: '2026-08-20T09:00:30.000Z',
    });
    const g2 = await exported(fixtureJson('export/g2.json'), { includeDrafts: true });
    expect(g2.segments.at(-1)).toMatchObject({ text: 'Gut, dan', completed: false });
    expect(g2.meeting).toMatchObject({ name: 'Client call', end_time: null, participants: ['Dana', 'Eli'], languages: ['de'] });
  });

  it('validates a 10,000-segment meeting with speakers hidden', async () => {
    const value = await exported(generateMeeting(10_000), { speakers: false });
    expect(value.segments).toHaveLength(10_000);
    expect(value.segments.every((s) => s.speaker === null)).toBe(true);
  });

  it('the schema rejects what the format never writes', () => {
    expect(validate({ meeting: {}, segments: [], exported_at: 'now' })).toBe(false);
    expect(validate({ meeting: null, segments: [{ text: '' }], exported_at: '2026-08-21T12:00:00.000Z', extra: 1 })).toBe(false);
  });
});

describe('JSON notes', () => {
  it('keeps the line breaks of the notes as \\n', async () => {
    const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');
    const out = JSON.parse(await exportTranscript({ ...g1, notes: 'Agenda:\r\n1. Budget\n\n\nDecide.  ' }, 'json')) as JsonExport;
    expect(out.meeting.notes).toBe('Agenda:\n1. Budget\n\nDecide.');
  });
});
