// Makes every app icon electron-builder needs from the one 1024x1024 design in build/icon.png:
//   build/icon.icns          macOS (PNG entries 16..1024, with the @2x variants)
//   build/icon.ico           Windows (16, 24, 32, 48, 64, 128 as 32-bit bitmaps, 256 as PNG)
//   build/icons/NxN.png      Linux (16..512; electron-builder installs them into hicolor)
//   node scripts/makeIcons.mjs
// Run it after changing build/icon.png and commit what it writes. electron-builder can convert a
// PNG itself, but only with an icon tool it downloads at build time, which offline builds cannot.
// Plain Node on purpose: no ImageMagick or icnsutils on developers' machines or CI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
// Node 24 (the project's pinned Node) loads the TypeScript module itself by stripping its types.
import { encodePng } from '../electron/main/shell/png.ts';

const buildDir = resolve(import.meta.dirname, '..', 'build');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// icns entry types holding PNG data, by pixel size (Apple's "icp4"... "ic10"; the @2x types
// repeat a size for Retina screens).
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG into straight-alpha RGBA. */
export function decodePng(bytes) {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colorType !== 6 && colorType !== 2))
        throw new Error('only 8-bit RGB/RGBA non-interlaced PNGs are supported');
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    data.set(rows.subarray(p * channels, p * channels + 3), p * 4);
    data[p * 4 + 3] = channels === 4 ? rows[p * channels + 3] : 255;
  }
  return { width, height, data };
}

/** Source spans and weights of each target pixel along one axis (area averaging). */
function spans(from, to) {
  const scale = from / to;
  return Array.from({ length: to }, (_, i) => {
    const start = i * scale;
    const end = start + scale;
    const parts = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const w = Math.min(end, s + 1) - Math.max(start, s);
      if (w > 0) parts.push([s, w / scale]);
    }
    return parts;
  });
}

/**
 * Shrinks by averaging the area each target pixel covers, in premultiplied alpha so the
 * transparent corners do not darken the edges. Exact for the power-of-two sizes most icons use.
 */
export function resize(image, size) {
  const { width, height, data } = image;
  const pre = new Float64Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const a = data[p * 4 + 3] / 255;
    pre[p * 4] = data[p * 4] * a;
    pre[p * 4 + 1] = data[p * 4 + 1] * a;
    pre[p * 4 + 2] = data[p * 4 + 2] * a;
    pre[p * 4 + 3] = a;
  }
  const xs = spans(width, size);
  const ys = spans(height, size);
  const horizontal = new Float64Array(size * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < size; x++)
      for (const [sx, w] of xs[x]) for (let c = 0; c < 4; c++) horizontal[(y * size + x) * 4 + c] += pre[(y * width + sx) * 4 + c] * w;
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const px = [0, 0, 0, 0];
      for (const [sy, w] of ys[y]) for (let c = 0; c < 4; c++) px[c] += horizontal[(sy * size + x) * 4 + c] * w;
      const i = (y * size + x) * 4;
      const a = px[3];
      if (a > 0) for (let c = 0; c < 3; c++) out[i + c] = Math.min(255, Math.round(px[c] / a));
      out[i + 3] = Math.min(255, Math.round(a * 255));
    }
  return { width: size, height: size, data: out };
}

/** A 32-bit BGRA DIB icon image (bottom-up, with the 1-bit AND mask), as every Windows tool reads. */
function icoBitmap({ width, height, data }) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = ((height - 1 - y) * width + x) * 4;
      pixels[to] = data[from + 2];
      pixels[to + 1] = data[from + 1];
      pixels[to + 2] = data[from];
      pixels[to + 3] = data[from + 3];
    }
  const maskStride = Math.ceil(width / 32) * 4;
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data[(y * width + x) * 4 + 3] === 0) mask[(height - 1 - y) * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
  header.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([header, pixels, mask]);
}

export function makeIco(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  const bodies = images.map((img) => (img.width >= 256 ? encodePng(img) : icoBitmap(img)));
  let offset = dir.length;
  images.forEach((img, i) => {
    const at = 6 + i * 16;
    dir[at] = img.width >= 256 ? 0 : img.width;
    dir[at + 1] = img.height >= 256 ? 0 : img.height;
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(bodies[i].length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += bodies[i].length;
  });
  return Buffer.concat([dir, ...bodies]);
}

export function makeIcns(pngBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

function main() {
  const source = decodePng(readFileSync(join(buildDir, 'icon.png')));
  if (source.width !== 1024 || source.height !== 1024) throw new Error('build/icon.png must be 1024x1024');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])].sort((a, b) => a - b);
  const images = new Map(sizes.map((s) => [s, s === 1024 ? source : resize(source, s)]));
  const pngs = new Map([...images].map(([s, img]) => [s, encodePng(img)]));
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const s of LINUX_SIZES) writeFileSync(join(buildDir, 'icons', `${s}x${s}.png`), pngs.get(s));
  writeFileSync(join(buildDir, 'icon.ico'), makeIco(ICO_SIZES.map((s) => images.get(s))));
  writeFileSync(join(buildDir, 'icon.icns'), makeIcns(pngs));
  console.log(`Wrote build/icon.icns, build/icon.ico and build/icons/{${LINUX_SIZES.map((s) => `${s}x${s}`).join(',')}}.png`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
