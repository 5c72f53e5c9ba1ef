import { isolateControls } from '../../../shared/bidi';
import { documentTitle, metadataRows, noteParagraphs, speakerTurns, turnHead, turnStamper } from './docModel';
import { escapeHeading, escapeInline, escapeLineStart } from './markdownEscape';
import type { ExportDocument } from './prepare';

/** A note's paragraphs, each line kept by a backslash hard line break (CommonMark §6.7). */
function notesSection(doc: ExportDocument): string[] {
  const paragraphs = noteParagraphs(doc);
  if (paragraphs.length === 0) return [];
  const out = ['## Notes', ''];
  for (const lines of paragraphs) {
    const last = lines.length - 1;
    out.push(lines.map((line, i) => (i < last ? `${escapeLineStart(line, { after: '\\' })}\\` : escapeLineStart(line))).join('\n'), '');
  }
  return out;
}

/**
 * Title, a metadata list, the notes, then one paragraph per speaker turn. Titles, names, notes
 * and transcript text are escaped only where CommonMark would read markup from them there.
 */
export function exportMarkdown(doc: ExportDocument): string {
  const out: string[] = [`# ${isolateControls(escapeHeading(documentTitle(doc)))}`, ''];
  for (const [label, value] of metadataRows(doc)) out.push(`- **${label}:** ${escapeInline(value)}`);
  out.push('', ...notesSection(doc), '## Transcript', '');
  const turns = speakerTurns(doc.segments);
  if (turns.length === 0) out.push('*No transcript segments to export.*', '');
  const stampOf = turnStamper(doc, turns);
  for (const turn of turns) {
    const head = turnHead(doc, turn, stampOf(turn));
    // A name with bidi controls is isolated, or it could reorder the rest of its line.
    const stamp = escapeInline(head.stamp, { before: '*', after: head.speaker === null ? '*' : ' ' });
    const label = head.speaker === null ? stamp : `${stamp} ${isolateControls(escapeInline(head.speaker, { after: ':' }))}:`;
    out.push(`**${label}** ${escapeInline(turn.text)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
