import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Item {
  x: number;
  width: number;
  str: string;
  dir: string;
}

export interface PdfLine {
  page: number;
  y: number;
  items: Item[];
  /** Items left to right, a space where pdf.js saw a gap. */
  text: string;
}

/** Text lines of every page as pdf.js reads them, top to bottom. */
export async function readPdfLines(bytes: Uint8Array): Promise<{ pages: number; lines: PdfLine[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: PdfLine[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const byY = new Map<number, Item[]>();
    for (const raw of content.items) {
      if (!('str' in raw) || raw.str === '') continue;
      const y = Math.round(raw.transform[5] as number);
      const item = { x: raw.transform[4] as number, width: raw.width, str: raw.str, dir: raw.dir };
      const near = [...byY.keys()].find((k) => Math.abs(k - y) <= 3);
      const list = byY.get(near ?? y) ?? [];
      list.push(item);
      byY.set(near ?? y, list);
    }
    for (const [y, items] of [...byY].sort((a, b) => b[0] - a[0])) {
      items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const it of items) {
        if (text !== '' && it.x - end > 1 && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
        text += it.str;
        end = it.x + it.width;
      }
      lines.push({ page: p, y, items, text: text.replace(/\s+/g, ' ').trim() });
    }
  }
  await pdf.destroy();
  return { pages: pdf.numPages, lines };
}

function unescapePdfString(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = s[++i] ?? '';
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in simple) bytes.push(simple[n] as number);
    else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i))?.[0] ?? n;
      bytes.push(parseInt(oct, 8));
      i += oct.length - 1;
    }
  }
  return Buffer.from(bytes);
}

function decodeTextString(b: Buffer): string {
  if (b[0] === 0xfe && b[1] === 0xff) {
    const le = Buffer.from(b.subarray(2));
    le.swap16();
    return le.toString('utf16le');
  }
  return b.toString('latin1');
}

/** The `/ActualText` strings of all content streams, in the order they were written. */
/** The inflated content streams that draw text (fonts and other binary streams left out). */
export function textStreams(bytes: Uint8Array): string[] {
  const pdf = Buffer.from(bytes).toString('latin1');
  const out: string[] = [];
  const streamRe = /\/Length (\d+)[^>]*\/Filter \/FlateDecode\s*>>\s*stream\r?\n/g;
  for (let m = streamRe.exec(pdf); m; m = streamRe.exec(pdf)) {
    const start = m.index + m[0].length;
    const data = Buffer.from(pdf.slice(start, start + Number(m[1])), 'latin1');
    let content: string;
    try {
      content = inflateSync(data).toString('latin1');
    } catch {
      continue;
    }
    if (/^BT$/m.test(content) && / Tf$/m.test(content)) out.push(content);
  }
  return out;
}

export function actualTexts(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const content of textStreams(bytes)) {
    for (const a of content.matchAll(/\/ActualText \(((?:\\.|[^\\)])*)\)/g)) out.push(decodeTextString(unescapePdfString(a[1] ?? '')));
  }
  return out;
}
