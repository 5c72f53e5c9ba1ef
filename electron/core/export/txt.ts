import { isolateControls } from '../../../shared/bidi';
import { headerTime, segmentStamp } from './docModel';
import { speakerName, type ExportDocument } from './prepare';

/**
 * Vexa's public share text (`GET /public/transcripts/{id}.txt` of the G1/G2 gateway, behaviour
 * doc §2.11), so a meeting reads the same here as through a share link: header, `---`, one
 * `[stamp] Speaker: text` line per segment, stripped, one trailing newline.
 * Differences by design: segments are sorted by time and drafts are left out unless asked for,
 * and a line break inside a segment becomes a space so that every segment stays one line.
 */
export function exportTxt(doc: ExportDocument): string {
  const m = doc.meeting;
  const lines = ['MEETING TRANSCRIPT', '', `Platform: ${m.platform}`, `Meeting ID: ${m.nativeMeetingId ?? 'None'}`];
  const start = headerTime(doc, m.startTime, doc.rawStartTime);
  const end = headerTime(doc, m.endTime, doc.rawEndTime);
  if (start) lines.push(`Start: ${start}`);
  if (end) lines.push(`End: ${end}`);
  lines.push('', '---', '');
  for (const seg of doc.segments) {
    // A name with bidi controls is isolated, or it could reorder the rest of its line.
    const who = doc.opts.speakers ? `${isolateControls(speakerName(seg))}: ` : '';
    lines.push(`[${segmentStamp(doc, seg)}] ${who}${seg.text}`);
  }
  return `${lines.join('\n').trim()}\n`;
}
