import { describe, expect, it } from 'vitest';
import type { CaptionDelayView } from '../../../shared/ipc/captionDelay';
import { delayExplanation, delaySummary, keptSummary, seconds } from '../../../renderer/features/captionDelay/describe';
import { selectFigures, useCaptionDelayStore } from '../../../renderer/features/captionDelay/store';

const view = (over: Partial<CaptionDelayView> = {}): CaptionDelayView => ({
  medianMs: 2_140,
  p95Ms: 3_360,
  lines: 31,
  usualMs: null,
  late: false,
  measuredAt: 1_000,
  ...over,
});

describe('caption delay wording', () => {
  it('says the median and the 95th percentile in seconds', () => {
    expect(seconds(-20)).toBe('0.0 s');
    expect(delaySummary(view())).toBe('Captions ~2.1 s behind (95%: 3.4 s)');
    expect(keptSummary(view({ lines: 1 }))).toBe('2.1 s typical, 95% within 3.4 s (1 line)');
    expect(delayExplanation(view())).toMatch(
      /^Over the last 31 lines, half appeared within 2\.1 s of being said, and 19 in 20 within 3\.4 s\./,
    );
    expect(delayExplanation(view({ usualMs: 1_000 }))).toMatch(/usually takes ~1\.0 s\.$/);
  });

  it('keeps a pushed figure over an older answer to a request', () => {
    const store = useCaptionDelayStore.getState();
    store.apply({ ...view({ medianMs: 5_000, measuredAt: 2_000 }), serverId: 's', meetingId: 4 });
    store.set('s', 4, view({ measuredAt: 1_500 }));
    expect(selectFigures('s', 4)(useCaptionDelayStore.getState())?.medianMs).toBe(5_000);
    store.set('s', 4, view({ measuredAt: 2_500 }));
    expect(selectFigures('s', 4)(useCaptionDelayStore.getState())?.medianMs).toBe(2_140);
  });
});
