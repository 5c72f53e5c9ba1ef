import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { baseDirection } from './direction';
import { documentTitle, metadataRows, noteParagraphs, speakerTurns, turnHead, turnStamper } from './docModel';
import type { ExportDocument } from './prepare';

const MUTED = '666666';

function metadataTable(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 22, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
            }),
            new TableCell({
              width: { size: 78, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ bidirectional: baseDirection(value) === 'rtl', children: [new TextRun({ text: value })] })],
            }),
          ],
        }),
    ),
  });
}

/** The notes under their own heading: one paragraph per paragraph, its lines kept as line breaks. */
function notes(doc: ExportDocument): Paragraph[] {
  const paragraphs = noteParagraphs(doc);
  if (paragraphs.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun({ text: 'Notes' })] }),
    ...paragraphs.map(
      (lines) =>
        new Paragraph({
          bidirectional: baseDirection(lines[0] ?? '') === 'rtl',
          children: lines.map((text, i) => new TextRun(i === 0 ? { text } : { text, break: 1 })),
        }),
    ),
  ];
}

/**
 * Title, a metadata table, the notes, then one paragraph per speaker turn: `[stamp] Speaker: text`, with the
 * speaker in bold. A turn whose text starts in a right-to-left script is a right-to-left paragraph,
 * so Word lays it out from the right and keeps punctuation where a reader expects it.
 */
export async function exportDocx(doc: ExportDocument): Promise<Uint8Array> {
  const title = documentTitle(doc);
  const turns = speakerTurns(doc.segments);
  const stampOf = turnStamper(doc, turns);
  const body: Paragraph[] = turns.map((turn) => {
    const head = turnHead(doc, turn, stampOf(turn));
    const rtl = baseDirection(turn.text) === 'rtl';
    const children = [new TextRun({ text: `${head.stamp} `, color: MUTED })];
    if (head.speaker !== null) children.push(new TextRun({ text: `${head.speaker}: `, bold: true }));
    children.push(new TextRun({ text: turn.text, rightToLeft: rtl }));
    return new Paragraph(rtl ? { bidirectional: true, children } : { children });
  });
  if (body.length === 0)
    body.push(new Paragraph({ children: [new TextRun({ text: 'No transcript segments to export.', italics: true })] }));
  const document = new Document({
    creator: 'Vexa Companion',
    title,
    description: 'Meeting transcript',
    // Spacing in the default style rather than on each of thousands of turn paragraphs.
    styles: { default: { document: { paragraph: { spacing: { after: 120 } } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            bidirectional: baseDirection(title) === 'rtl',
            children: [new TextRun({ text: title })],
          }),
          metadataTable(metadataRows(doc)),
          ...notes(doc),
          new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun({ text: 'Transcript' })] }),
          ...body,
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
