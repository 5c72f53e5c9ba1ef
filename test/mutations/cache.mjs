// Named mutations of the local library (electron/core/cache) for the mutation check
// (scripts/mutationCheck.mjs reads every file of this folder, one per area). Each breaks one
// guarantee the way a plausible slip would; `tests` are the test files that must fail when it is
// applied. `from` must occur exactly once in `file`.
export const mutations = [
  {
    name: 'segment-batch-without-transaction',
    what: 'a batch of transcript segments is written statement by statement instead of in one transaction',
    edits: [
      {
        file: 'electron/core/cache/library.ts',
        from: '    return this.db.transaction(() => this.merge(meetingId, segments))();',
        to: '    return this.merge(meetingId, segments);',
      },
    ],
    tests: ['test/integration/cache/segmentBatch.test.ts'],
  },
  {
    name: 'cache-unwritable-stops-app',
    what: 'a read-only, full or foreign cache file stops the app instead of moving the library to memory',
    edits: [
      {
        file: 'electron/core/cache/database.ts',
        from: '    toMemory(inspect(file, e, { sidecars: true }));\n    initial = memoryFromFile(file, list, logger);',
        to: '    throw e;',
      },
    ],
    tests: ['test/integration/cache/storageFaults.test.ts'],
  },
  {
    name: 'cache-vanished-unnoticed',
    what: 'a cache file deleted while the app runs goes unnoticed, and later edits are lost silently',
    edits: [
      {
        file: 'electron/core/cache/database.ts',
        from: '        if (!gone) onDiskUntil = now();\n        return gone;',
        to: '        return false;',
      },
    ],
    tests: ['test/integration/cache/storageFaults.test.ts'],
  },
];
