import { describe, expect, it } from 'vitest';
import { offlineListReason, recordingDeletion } from '../../../electron/core/recordings/listReason';
import { keptAudioNote, keptBytesOf } from '../../../renderer/features/recordings/kept';

describe('deleting a recording is offered only where this key can', () => {
  it('is not offered to a transcription-only key on Vexa 0.12, and says why before anyone tries', () => {
    const tx = recordingDeletion('g3', true, ['tx']);
    expect(tx.canDelete).toBe(false);
    expect(tx.note).toMatch(/cannot|not delete/);
    expect(tx.note).toContain('“bot” scope');
  });

  it('is offered to a key with the bot scope, to a key whose scope is unknown, and on older servers', () => {
    expect(recordingDeletion('g3', true, ['bot', 'tx'])).toEqual({ canDelete: true, note: null });
    expect(recordingDeletion('g3', true, null)).toEqual({ canDelete: true, note: null });
    expect(recordingDeletion('g2', true, ['tx'])).toEqual({ canDelete: true, note: null });
  });

  it('waits for the end of a running meeting on Vexa 0.12 (the server answers 409 before)', () => {
    expect(recordingDeletion('g3', false, ['bot'])).toEqual({
      canDelete: false,
      note: 'The recording can be deleted once the meeting has ended.',
    });
  });
});

describe('the recordings panel offline', () => {
  it('says offline plainly, never the connection error, and offers the kept copy', () => {
    const kept = offlineListReason('Vexa Cloud', true, 1);
    expect(kept).toMatch(/^Vexa Cloud cannot be reached right now\./);
    expect(kept).toContain('The copy kept on this computer plays without it.');
    const none = offlineListReason('Vexa Cloud', true, 0);
    expect(none).toContain('no copy is kept on this computer');
    expect(none).toContain('“Keep for offline”');
    expect(offlineListReason('Vexa Cloud', false, 0)).toMatch(/^Vexa Cloud is not connected\./);
  });
});

describe('the meeting’s delete dialog and the audio kept of it', () => {
  const media = (bytes: number | null) => ({
    mediaId: 1,
    type: 'audio',
    format: 'wav',
    sizeBytes: 10,
    durationSeconds: 1,
    captureStartedAt: null,
    kept: bytes === null ? null : { bytes, keptAt: 0 },
  });
  it('counts the kept audio and names its size; says nothing when none is kept', () => {
    const list = {
      recordings: [
        { recordingId: 1, status: 'completed', createdAt: null, media: [media(1_500_000), media(null)] },
        { recordingId: 2, status: 'completed', createdAt: null, media: [media(500_000)] },
      ],
    };
    expect(keptBytesOf(list)).toBe(2_000_000);
    expect(keptAudioNote(keptBytesOf(list))).toBe('The audio kept on this computer for offline listening (1.9 MB) is deleted too.');
    expect(keptAudioNote(keptBytesOf({ recordings: [] }))).toBeNull();
    expect(keptBytesOf(null)).toBe(0);
  });
});
