import PDFDocument from 'pdfkit';
import { baseDirection } from './direction';
import { documentTitle, metadataRows, noteParagraphs, speakerTurns, turnHead, turnStamper } from './docModel';
import { PdfTextWriter } from './pdfDraw';
import { fontLibrary, readInstalledFont, type LoadedFace, type Weight } from './pdfFonts';
import { layoutParagraph, type FaceLookup, type Line, type Span } from './pdfText';
import type { ExportDocument } from './prepare';

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = 56;
const TEXT = '#1a1a1a';
const MUTED = '#666666';
const SIZES = { title: 18, heading: 13, body: 10.5, meta: 9.5 };
const LABEL_COLUMN = 90;

interface Block {
  head?: Span[];
  body: Span[];
  rtl: boolean;
  size: number;
  x: number;
  width: number;
}

/** What the PDF says, in the order it says it; the same content as the DOCX export. */
function blocks(doc: ExportDocument): { title: string; meta: Array<{ label: Span; value: Block }>; notes: Block[][]; turns: Block[] } {
  const width = PAGE.width - 2 * MARGIN;
  const title = documentTitle(doc);
  const meta = metadataRows(doc).map(([label, value]) => ({
    label: { text: label, weight: 700 as Weight, color: MUTED },
    value: {
      body: [{ text: value, weight: 400 as Weight, color: TEXT }],
      rtl: baseDirection(value) === 'rtl',
      size: SIZES.meta,
      x: MARGIN + LABEL_COLUMN,
      width: width - LABEL_COLUMN,
    },
  }));
  // Each line of the notes is a paragraph of its own, so their line breaks stay where they were.
  const notes = noteParagraphs(doc).map((lines) =>
    lines.map((text): Block => ({
      body: [{ text, weight: 400, color: TEXT }],
      rtl: baseDirection(text) === 'rtl',
      size: SIZES.body,
      x: MARGIN,
      width,
    })),
  );
  const turnList = speakerTurns(doc.segments);
  const stampOf = turnStamper(doc, turnList);
  const turns = turnList.map((turn): Block => {
    const head = turnHead(doc, turn, stampOf(turn));
    const spans: Span[] = [{ text: `${head.stamp} `, weight: 400, color: MUTED }];
    if (head.speaker !== null) spans.push({ text: `${head.speaker}: `, weight: 700, color: TEXT });
    return {
      head: spans,
      body: [{ text: turn.text, weight: 400, color: TEXT }],
      rtl: baseDirection(turn.text) === 'rtl',
      size: SIZES.body,
      x: MARGIN,
      width,
    };
  });
  return { title, meta, notes, turns };
}

const PRINTABLE_ASCII = Array.from({ length: 0x5f }, (_, i) => i + 0x20);

function collectChars(into: Map<Weight, Set<number>>, spans: readonly Span[]): void {
  for (const span of spans) {
    let set = into.get(span.weight);
    if (!set) into.set(span.weight, (set = new Set([...PRINTABLE_ASCII, 0xfffd])));
    // Text is cleaned of controls, so a pure-ASCII span adds nothing new.
    if (!/[^\x00-\x7f]/.test(span.text)) continue;
    for (const ch of span.text) set.add(ch.codePointAt(0) ?? 0xfffd);
  }
}

/**
 * A4 PDF with embedded, subset Noto fonts: title, metadata, then one paragraph per speaker turn
 * (`[stamp] Speaker: text`). Right-to-left turns are laid out from the right margin.
 */
export async function exportPdf(doc: ExportDocument): Promise<Uint8Array> {
  const content = blocks(doc);
  const width = PAGE.width - 2 * MARGIN;
  /** A one-span paragraph across the page's width. */
  const line = (text: string, weight: Weight, color: string, size: number): Block => ({
    body: [{ text, weight, color }],
    rtl: baseDirection(text) === 'rtl',
    size,
    x: MARGIN,
    width,
  });
  const titleBlock = line(content.title, 700, TEXT, SIZES.title);
  const headingBlock = line('Transcript', 700, TEXT, SIZES.heading);
  const notesHeading = line('Notes', 700, TEXT, SIZES.heading);
  const emptyBlock = line('No transcript segments to export.', 400, MUTED, SIZES.body);

  const chars = new Map<Weight, Set<number>>();
  const noteBlocks = content.notes.flat();
  for (const b of [
    titleBlock,
    headingBlock,
    notesHeading,
    emptyBlock,
    ...noteBlocks,
    ...content.turns,
    ...content.meta.map((m) => m.value),
  ]) {
    collectChars(chars, b.body);
    if (b.head) collectChars(chars, b.head);
  }
  collectChars(
    chars,
    content.meta.map((m) => m.label),
  );
  const library = fontLibrary(doc.opts.readFont ?? readInstalledFont);
  const resolved = new Map<Weight, Map<number, LoadedFace | null>>();
  for (const [weight, set] of chars) resolved.set(weight, await library.prepare(set, weight));
  const faceOf: FaceLookup = (cp, weight) => resolved.get(weight)?.get(cp) ?? resolved.get(400)?.get(cp) ?? null;

  const created = new Date(doc.opts.now);
  // font: null keeps pdfkit from loading Helvetica's metrics from disk; every face is embedded.
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: null as unknown as string,
    compress: true,
    pdfVersion: '1.7',
    // Pages stay open until the end, so each footer can say how many pages there are.
    bufferPages: true,
    displayTitle: true,
    info: { Title: content.title, Creator: 'Vexa Companion', Producer: 'Vexa Companion', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    pdf.on('error', reject);
  });

  const writer = new PdfTextWriter(pdf);
  let y = MARGIN;
  const bottom = PAGE.height - MARGIN;
  const newPage = (): void => {
    writer.newPage();
    y = MARGIN;
  };

  const drawLine = (line: Line, block: Block, lineHeight: number, xStart?: number): void => {
    if (y + lineHeight > bottom) {
      newPage();
    }
    const baseline = y + block.size;
    let x = xStart ?? (block.rtl ? block.x + block.width - line.width : block.x);
    for (const piece of line.pieces) {
      writer.draw(piece, x, baseline, block.size);
      x += piece.width;
    }
    y += lineHeight;
  };

  const drawBlock = (block: Block, gapAfter: number): void => {
    const lines = layoutParagraph(
      { head: block.head ?? [], body: block.body, rtl: block.rtl, size: block.size, width: block.width },
      faceOf,
    );
    const lineHeight = block.size * 1.45;
    // Keep a paragraph's first two lines together at a page break.
    if (lines.length > 1 && y + 2 * lineHeight > bottom) {
      newPage();
    }
    for (const line of lines) drawLine(line, block, lineHeight);
    y += gapAfter;
  };

  drawBlock(titleBlock, 10);
  for (const row of content.meta) {
    if (y + SIZES.meta * 1.45 > bottom) {
      newPage();
    }
    const top = y;
    const labelLine = layoutParagraph({ head: [], body: [row.label], rtl: false, size: SIZES.meta, width: LABEL_COLUMN - 8 }, faceOf)[0];
    if (labelLine) drawLine(labelLine, { ...row.value, x: MARGIN, width: LABEL_COLUMN }, 0, MARGIN);
    y = top;
    drawBlock(row.value, 2);
  }
  y += 12;
  if (content.notes.length > 0) {
    drawBlock(notesHeading, 6);
    for (const paragraph of content.notes) {
      paragraph.forEach((b, i) => drawBlock(b, i === paragraph.length - 1 ? 6 : 0));
    }
    y += 6;
  }
  drawBlock(headingBlock, 6);
  if (content.turns.length === 0) drawBlock(emptyBlock, 0);
  for (const turn of content.turns) drawBlock(turn, 5);
  writer.flush();
  drawPageNumbers(pdf, writer, faceOf);
  pdf.end();
  return done;
}

/** "Page N of M", centred in the bottom margin of every page (a printed transcript stays in order). */
function drawPageNumbers(pdf: PDFKit.PDFDocument, writer: PdfTextWriter, faceOf: FaceLookup): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const text = `Page ${i - start + 1} of ${count}`;
    const [footer] = layoutParagraph(
      { head: [], body: [{ text, weight: 400, color: MUTED }], rtl: false, size: SIZES.meta, width: PAGE.width },
      faceOf,
    );
    if (!footer) continue;
    let x = (PAGE.width - footer.width) / 2;
    for (const piece of footer.pieces) {
      writer.draw(piece, x, PAGE.height - MARGIN / 2, SIZES.meta);
      x += piece.width;
    }
    writer.flush();
  }
}
