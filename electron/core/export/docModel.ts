import { cleanLines, cleanText, speakerName, type ExportDocument, type ExportSegment } from './prepare';
import { isoUtc, relativeStamp } from './time';

/** Consecutive segments of one speaker, shown as one paragraph in md, docx and pdf. */
export interface SpeakerTurn {
  speaker: string | null;
  chat?: true;
  start: number;
  absoluteStart: number | null;
  text: string;
}

export function speakerTurns(segments: readonly ExportSegment[]): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let current: SpeakerTurn | null = null;
  for (const seg of segments) {
    if (current && speakerName(current) === speakerName(seg)) {
      current.text += ` ${seg.text}`;
      continue;
    }
    current = {
      speaker: seg.speaker,
      start: seg.start,
      absoluteStart: seg.absoluteStart,
      text: seg.text,
      ...(seg.chat ? { chat: seg.chat } : {}),
    };
    turns.push(current);
  }
  return turns;
}

/** The share-text stamp: `YYYY-MM-DD HH:MM:SS` wall clock, or `MM:SS`/`HH:MM:SS` from the start. */
export function segmentStamp(doc: ExportDocument, seg: { start: number; absoluteStart: number | null }): string {
  if (doc.opts.timestamps === 'wall-clock' && seg.absoluteStart !== null) return doc.opts.clock.format(seg.absoluteStart);
  return relativeStamp(seg.start);
}

/**
 * The stamp of a speaker turn: `HH:MM:SS` wall clock (the date is in the header) unless the
 * meeting crosses midnight, or time from the start.
 */
export function turnStamper(doc: ExportDocument, turns: readonly SpeakerTurn[]): (turn: SpeakerTurn) => string {
  const { clock, timestamps } = doc.opts;
  if (timestamps === 'relative') return (t) => relativeStamp(t.start);
  const dates = new Set<string>();
  for (const t of turns) if (t.absoluteStart !== null) dates.add(clock.parts(t.absoluteStart).date);
  const withDate = dates.size > 1;
  return (t) => {
    if (t.absoluteStart === null) return relativeStamp(t.start);
    return withDate ? clock.format(t.absoluteStart) : clock.parts(t.absoluteStart).time;
  };
}

/** `[stamp] Speaker: ` or `[stamp] ` when speakers are hidden: the head of a turn in every document format. */
export function turnHead(doc: ExportDocument, turn: SpeakerTurn, stamp: string): { stamp: string; speaker: string | null } {
  return { stamp: `[${stamp}]`, speaker: doc.opts.speakers ? speakerName(turn) : null };
}

const PLATFORM_LABELS: Record<string, string> = {
  google_meet: 'Google Meet',
  teams: 'Microsoft Teams',
  zoom: 'Zoom',
  jitsi: 'Jitsi',
};

export function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform] ?? platform;
}

export function documentTitle(doc: ExportDocument): string {
  const name = doc.meeting.name ? cleanText(doc.meeting.name) : '';
  if (name) return name;
  const id = doc.meeting.nativeMeetingId ? cleanText(doc.meeting.nativeMeetingId) : '';
  return id ? `${platformLabel(doc.meeting.platform)} ${id}` : 'Meeting transcript';
}

function zoneLabel(doc: ExportDocument): string {
  return doc.opts.clock.timeZone;
}

/** Label/value rows under the title of md, docx and pdf (one list, so the three agree). */
export function metadataRows(doc: ExportDocument): Array<[string, string]> {
  const m = doc.meeting;
  const { clock } = doc.opts;
  const rows: Array<[string, string]> = [['Platform', platformLabel(m.platform)]];
  if (m.nativeMeetingId) rows.push(['Meeting ID', cleanText(m.nativeMeetingId)]);
  if (m.startTime !== null) rows.push(['Start', `${clock.format(m.startTime)} ${zoneLabel(doc)}`]);
  if (m.endTime !== null) rows.push(['End', `${clock.format(m.endTime)} ${zoneLabel(doc)}`]);
  if (m.startTime !== null && m.endTime !== null && m.endTime >= m.startTime) {
    rows.push(['Duration', relativeStamp((m.endTime - m.startTime) / 1000)]);
  }
  const participants = m.participants.map(cleanText).filter(Boolean);
  if (participants.length > 0) rows.push(['Participants', participants.join(', ')]);
  const languages = m.languages.map(cleanText).filter(Boolean);
  if (languages.length > 0) rows.push(['Languages', languages.join(', ')]);
  rows.push(['Times', doc.opts.timestamps === 'relative' ? 'from the start of the meeting' : zoneLabel(doc)]);
  return rows;
}

/**
 * The meeting's notes as the person wrote them, one entry per line ('' between paragraphs), shown
 * under their own heading in every document format; empty when there are none.
 */
export function noteLines(doc: ExportDocument): string[] {
  return cleanLines(doc.meeting.notes);
}

/** The notes as paragraphs of lines (a blank line starts a paragraph). */
export function noteParagraphs(doc: ExportDocument): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of noteLines(doc)) {
    if (line !== '') current.push(line);
    else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Share-text header times: what the server wrote when we have it, else ISO 8601 UTC (or the chosen zone). */
export function headerTime(doc: ExportDocument, ms: number | null, raw: string | null): string | null {
  if (ms === null && raw === null) return null;
  if (doc.opts.clock.isUtc || ms === null) return raw ?? isoUtc(ms ?? 0);
  return `${doc.opts.clock.format(ms)} ${doc.opts.clock.timeZone}`;
}
