// Named mutations of the caption delay measurement (electron/core/live/captionDelay.ts,
// serverClock.ts, shared/captionDelay/stats.ts) for the mutation check (scripts/mutationCheck.mjs).
// Each breaks one promise the way a plausible slip would; `tests` are the files that must fail.
export const mutations = [
  {
    name: 'caption-delay-offset-ignored',
    what: "the server's clock offset is not applied, so a server whose clock is 90 s off shows 90 s of delay",
    edits: [
      {
        file: 'electron/core/live/captionDelay.ts',
        from: '      const spokenHere = s.spoken + lag;',
        to: '      const spokenHere = s.spoken;',
      },
    ],
    tests: ['test/unit/live/captionDelay.test.ts', 'test/integration/live/captionDelay.test.ts'],
  },
  {
    name: 'caption-delay-p95-is-max',
    what: 'the 95th percentile is computed as the slowest line',
    edits: [
      {
        file: 'shared/captionDelay/stats.ts',
        from: 'p95Ms: Math.round(percentile(sorted, 95)!)',
        to: 'p95Ms: Math.round(sorted[sorted.length - 1]!)',
      },
    ],
    tests: ['test/unit/live/captionDelay.test.ts'],
  },
  {
    name: 'caption-delay-history-counted',
    what: 'lines said before the app was listening (read from REST at an open or after a reconnect) are measured as if they had just been said',
    edits: [{ file: 'electron/core/live/captionDelay.ts', from: '      if (spokenHere < s.horizon) continue;\n', to: '' }],
    tests: ['test/unit/live/captionDelay.test.ts'],
  },
  {
    name: 'caption-delay-every-frame-counts',
    what: "each frame of a line (its growing drafts, its confirmation) counts as the line's appearance, not only the first",
    edits: [
      { file: 'electron/core/live/captionDelay.ts', from: '      if (m.seen.has(s.key)) continue;\n', to: '' },
      {
        file: 'electron/core/live/captionDelay.ts',
        from: "if (s.source === 'chat' || m.recentStarts.some(",
        to: "if (s.source === 'chat' || (m.seen.size < 0 && m.recentStarts.some(",
      },
      { file: 'electron/core/live/captionDelay.ts', from: ' < SAME_LINE_MS)) continue;', to: ' < SAME_LINE_MS))) continue;' },
    ],
    tests: ['test/unit/live/captionDelay.test.ts', 'test/integration/live/captionDelay.test.ts'],
  },
  {
    name: 'caption-delay-clock-from-last-frame',
    what: "the server's clock is read from the newest frame instead of the quickest, so a frame that waited in a queue shifts every delay",
    edits: [
      {
        file: 'electron/core/live/serverClock.ts',
        from: '    this.cached ??= Math.min(...this.lags);',
        to: '    this.cached ??= this.lags[this.lags.length - 1]!;',
      },
    ],
    tests: ['test/unit/live/captionDelay.test.ts'],
  },
  {
    name: 'caption-delay-not-kept',
    what: "a meeting's figures are not stored as it ends, so its details show nothing afterwards",
    edits: [
      { file: 'electron/core/live/captionDelay.ts', from: '    this.save(meetingId, m);\n    m.ended = true;', to: '    m.ended = true;' },
    ],
    tests: ['test/unit/live/captionDelay.test.ts', 'test/integration/live/captionDelay.test.ts'],
  },
  {
    name: 'caption-delay-never-late',
    what: 'the late hint never shows, however late the captions are',
    edits: [
      {
        file: 'shared/captionDelay/stats.ts',
        from: '  if (f.medianMs >= LATE_FLOOR_MS) return true;',
        to: '  if (f.medianMs >= LATE_FLOOR_MS * 10) return true;',
      },
    ],
    tests: ['test/unit/live/captionDelay.test.ts'],
  },
];
