import { isolateControls } from '../../../shared/bidi';
import { headerTime, noteLines, platformLabel, segmentStamp } from './docModel';
import { cleanText, speakerName, type ExportDocument } from './prepare';

/**
 * The layout of Vexa's public share text (`GET /public/transcripts/{id}.txt` of the G1/G2
 * gateway, behaviour doc §2.11): header, `---`, one `[stamp] Speaker: text` line per segment,
 * stripped, one trailing newline. Unlike the share text, the header names the meeting, says the
 * platform in words ("Google Meet", not `google_meet`) and carries the notes with their line
 * breaks; segments are sorted by time and drafts are left out unless asked for, and a line break
 * inside a segment becomes a space so that every segment stays one line.
 */
export function exportTxt(doc: ExportDocument): string {
  const m = doc.meeting;
  const lines = ['MEETING TRANSCRIPT', ''];
  const name = m.name ? cleanText(m.name) : '';
  if (name) lines.push(`Meeting: ${isolateControls(name)}`);
  lines.push(`Platform: ${platformLabel(m.platform)}`, `Meeting ID: ${m.nativeMeetingId ?? 'None'}`);
  const start = headerTime(doc, m.startTime, doc.rawStartTime);
  const end = headerTime(doc, m.endTime, doc.rawEndTime);
  if (start) lines.push(`Start: ${start}`);
  if (end) lines.push(`End: ${end}`);
  const notes = noteLines(doc);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes);
  lines.push('', '---', '');
  for (const seg of doc.segments) {
    // A name with bidi controls is isolated, or it could reorder the rest of its line.
    const who = doc.opts.speakers ? `${isolateControls(speakerName(seg))}: ` : '';
    lines.push(`[${segmentStamp(doc, seg)}] ${who}${seg.text}`);
  }
  return `${lines.join('\n').trim()}\n`;
}
