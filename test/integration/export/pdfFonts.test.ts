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
