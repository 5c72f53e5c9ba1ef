/**
 * A small valid WAV file (PCM, mono, 16-bit) the simulator serves as a meeting's recording:
 * silence, with a tone while each line is spoken, its pitch by speaker. Chromium plays and seeks
 * PCM WAV natively (a constant byte rate), and no encoder or download is needed to make one.
 */

export const WAV_SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;
const TONES_HZ = [330, 440, 554, 659, 784];

export interface ToneSpan {
  /** Seconds from the start of the file. */
  start: number;
  end: number;
  /** Picks the pitch: one per speaker. */
  voice: string;
}

function pitchOf(voice: string): number {
  let h = 0;
  for (const ch of voice) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return TONES_HZ[h % TONES_HZ.length]!;
}

/** The file's length in bytes for a duration, without building it (list and detail rows). */
export function wavSize(durationSeconds: number): number {
  return HEADER_BYTES + Math.round(durationSeconds * WAV_SAMPLE_RATE) * BYTES_PER_SAMPLE;
}

export function buildWav(durationSeconds: number, spans: readonly ToneSpan[]): Buffer {
  const samples = Math.round(durationSeconds * WAV_SAMPLE_RATE);
  const dataBytes = samples * BYTES_PER_SAMPLE;
  const buf = Buffer.alloc(HEADER_BYTES + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(WAV_SAMPLE_RATE, 24);
  buf.writeUInt32LE(WAV_SAMPLE_RATE * BYTES_PER_SAMPLE, 28);
  buf.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (const span of spans) {
    const from = Math.max(0, Math.floor(span.start * WAV_SAMPLE_RATE));
    const to = Math.min(samples, Math.floor(span.end * WAV_SAMPLE_RATE));
    const step = (2 * Math.PI * pitchOf(span.voice)) / WAV_SAMPLE_RATE;
    for (let i = from; i < to; i++) {
      // A short fade at both ends keeps the tone from clicking.
      const edge = Math.min(1, (i - from) / 80, (to - i) / 80);
      buf.writeInt16LE(Math.round(Math.sin(i * step) * 6000 * edge), HEADER_BYTES + i * BYTES_PER_SAMPLE);
    }
  }
  return buf;
}
