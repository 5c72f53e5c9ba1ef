import { describe, expect, it } from 'vitest';
import { bannerShown, SNOOZE_MS } from '../../../renderer/features/bots/attentionHide';
import { secondsLeft } from '../../../renderer/features/bots/describe';

describe('putting a lobby banner aside', () => {
  it('brings a snoozed banner back after the snooze, and a dismissed one only when the state changes', () => {
    const t = 1_000_000;
    expect(bannerShown(undefined, 'awaiting_admission', t)).toBe(true);
    const snoozed = { status: 'awaiting_admission' as const, until: t + SNOOZE_MS };
    expect(bannerShown(snoozed, 'awaiting_admission', t + 1)).toBe(false);
    expect(bannerShown(snoozed, 'awaiting_admission', t + SNOOZE_MS)).toBe(true);
    const dismissed = { status: 'awaiting_admission' as const, until: null };
    expect(bannerShown(dismissed, 'awaiting_admission', t + 10 * SNOOZE_MS)).toBe(false);
    expect(bannerShown(dismissed, 'needs_help', t)).toBe(true);
  });

  it('counts the stop countdown down in whole seconds', () => {
    expect(secondsLeft(5_000, 0)).toBe(5);
    expect(secondsLeft(5_000, 4_001)).toBe(1);
    expect(secondsLeft(5_000, 6_000)).toBe(0);
  });
});
