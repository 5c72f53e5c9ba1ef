import { isolateControls } from '../../../shared/bidi';
import { documentTitle, metadataRows, speakerTurns, turnHead, turnStamper } from './docModel';
import type { ExportDocument } from './prepare';

/*
 * Every ASCII punctuation character that can open or close Markdown or HTML markup inside a line:
 * emphasis, code, links and images, autolinks and raw HTML, entities, tables, strikethrough,
 * math, heading marks. CommonMark lets any ASCII punctuation be backslash-escaped and then reads
 * it as a literal character. `-`, `+`, `=`, `.`, `,`, `:`, `;`, `?`, quotes, `/`, `%` and `@` stay
 * readable: they only make markup at the start of a line (lists, setext headings, `1.`), and
 * transcript text never starts a line here (line breaks inside it became spaces).
 */
const MARKUP = /[\\`*_{}[\]()<>#!|~&^$]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKUP, (c) => `\\${c}`);
}

/** Title, metadata list, then one paragraph per speaker turn; all transcript content is escaped. */
export function exportMarkdown(doc: ExportDocument): string {
  const out: string[] = [`# ${isolateControls(escapeMarkdown(documentTitle(doc)))}`, ''];
  for (const [label, value] of metadataRows(doc)) out.push(`- **${label}:** ${escapeMarkdown(value)}`);
  out.push('', '## Transcript', '');
  const turns = speakerTurns(doc.segments);
  if (turns.length === 0) out.push('*No transcript segments to export.*', '');
  const stampOf = turnStamper(doc, turns);
  for (const turn of turns) {
    const head = turnHead(doc, turn, stampOf(turn));
    // A name with bidi controls is isolated, or it could reorder the rest of its line.
    const label =
      head.speaker === null
        ? escapeMarkdown(head.stamp)
        : `${escapeMarkdown(head.stamp)} ${isolateControls(escapeMarkdown(head.speaker))}:`;
    out.push(`**${label}** ${escapeMarkdown(turn.text)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
