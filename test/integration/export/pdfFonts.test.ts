import { describe, expect, it } from 'vitest';
import { fontLibrary, readInstalledFont, shape } from '../../../electron/core/export/pdfFonts';

describe('PDF font shaping', () => {
  it('shapes time stamps from their characters exactly as the font would shape them whole', async () => {
    const library = fontLibrary(readInstalledFont);
    for (const weight of [400, 700] as const) {
      const face = await library.resolve('0'.codePointAt(0)!, weight);
      expect(face).not.toBeNull();
      for (const stamp of ['[09:00:01]', '[09:00:01] ', '[1:02:03]', '[2026-08-20 09:00:00]', '00:00', '[10.11, 12/13]']) {
        const whole = face!.font.layout(stamp);
        const run = shape(face!, stamp);
        expect(run.glyphs.map((g) => g.id)).toEqual(whole.glyphs.map((g) => g.id));
        expect(run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset])).toEqual(
          whole.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]),
        );
        expect(run.advanceWidth).toBe(whole.advanceWidth);
      }
      // Words are shaped whole: kerning between letters stays.
      expect(shape(face!, 'AVATAR').advanceWidth).toBe(face!.font.layout('AVATAR').advanceWidth);
    }
  });
});

describe('PDF shaping by parts', () => {
  // Right-to-left pieces are shaped word by word and CJK runs character by character (each part
  // kept for the session); the result must be what the font makes of the whole run: the same
  // glyphs, in the same visual order, at the same advances and offsets.
  const lines = [
    'مرحبا بكم في الاجتماع',
    'نحن نناقش الميزانية هذا الربع',
    'الخطة الزمنية للإطلاق لا تزال قيد المراجعة.',
    'لا، لا بأس، شكرا للجميع',
    'שלום לכולם היום',
    'אנחנו דנים בתקציב של הרבעון',
    'ありがとうございます。',
    'これは来週の会議で確認します。',
    'います。ありますか、',
    '我们今天讨论预算和季度计划。',
    '数据报告「团队目标」',
    '회의를 시작하겠습니다',
  ];

  it('gives the glyphs and positions of the whole run, after the per-font check has passed too', async () => {
    const library = fontLibrary(readInstalledFont);
    for (const weight of [400, 700] as const) {
      // Every line several times: the first runs of a font are checked against the whole run,
      // later ones are only put together from their parts.
      for (let round = 0; round < 15; round++) {
        for (const base of lines) {
          // A new text each round (a run is kept once made), built from the same words or characters.
          const text = round === 0 ? base : rotate(base, round);
          const face = await library.resolve(text.codePointAt(0)!, weight);
          expect(face).not.toBeNull();
          const whole = face!.font.layout(text);
          const run = shape(face!, text);
          expect(
            run.glyphs.map((g) => g.id),
            text,
          ).toEqual(whole.glyphs.map((g) => g.id));
          expect(
            run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]),
            text,
          ).toEqual(whole.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]));
        }
      }
    }
  });
});

/** The same words (or, without spaces, characters) in another order. */
function rotate(text: string, by: number): string {
  const spaced = text.includes(' ');
  const parts = spaced ? text.split(' ') : [...text];
  const k = by % parts.length;
  return [...parts.slice(k), ...parts.slice(0, k)].join(spaced ? ' ' : '');
}
