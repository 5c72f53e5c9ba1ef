import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { trayItemLabel } from '../../../electron/core/meetings/trayText';

// The tray menu shows a meeting's name (from the server) beside its status in the app's words.
const bidi = bidiFactory();

describe('a tray item of a followed meeting', () => {
  it('reads “name: status”', () => {
    expect(trayItemLabel('Weekly sync', 'awaiting_admission')).toBe('Weekly sync: Waiting in the lobby');
  });

  it.each(['Budget \u202Ereview', 'Budget \u2069\u202Ereview', '\u202Bמחלקה', 'ישיבת צוות 3'])(
    'keeps the status after %j in its own order',
    (name) => {
      const label = trayItemLabel(name, 'active');
      const { levels } = bidi.getEmbeddingLevels(label, 'ltr');
      const status = label.lastIndexOf(': ');
      expect(label.endsWith(': Transcribing')).toBe(true);
      expect(Array.from(levels.subarray(status)).every((l) => l === 0)).toBe(true);
    },
  );
});
