// Named mutations of the live transcript merge (shared/transcript) for the mutation check
// (scripts/mutationCheck.mjs reads every file of this folder, one per area). Each breaks one
// guarantee the way a plausible slip would; `tests` are the test files that must fail when it is
// applied. `from` must occur exactly once in `file`, so a refactor that moves the code fails the
// check loudly instead of voiding the mutation.
export const mutations = [
  {
    name: 'transcript-collector-draft-overwrites-newer',
    what: 'in a Teams meeting, the collector’s late copy of a draft replaces the bot’s newer snapshot (the caption shrinks back)',
    edits: [{ file: 'shared/transcript/transcriptModel.ts', from: '  return rec.endMs < old.endMs;', to: '  return false;' }],
    tests: ['test/unit/transcript/teams.test.ts', 'test/unit/transcript/differential.test.ts'],
  },
  {
    name: 'transcript-late-draft-reopens-final',
    what: 'a draft arriving after its final turns the final caption back into a draft',
    edits: [
      {
        file: 'shared/transcript/transcriptModel.ts',
        from: '      if (old.seg.completed && !rec.seg.completed) {',
        to: '      if (false) {',
      },
    ],
    tests: ['test/unit/transcript/differential.test.ts', 'test/unit/transcript/divergences.test.ts'],
  },
  {
    name: 'transcript-retraction-forgotten',
    what: 'a frame arriving after a retraction brings the retracted caption back',
    edits: [{ file: 'shared/transcript/transcriptModel.ts', from: '    if (this.retracted.has(p.key)) {', to: '    if (false) {' }],
    tests: ['test/unit/transcript/differential.test.ts', 'test/unit/transcript/divergences.test.ts'],
  },
  {
    name: 'transcript-dedupe-across-speakers',
    what: 'deduplication compares captions of different speakers, so one person’s words hide another’s',
    edits: [{ file: 'shared/transcript/dedupStep.ts', from: '  if (seg.speakerKey !== last.speakerKey) return PUSH;\n', to: '' }],
    tests: ['test/unit/transcript/differential.test.ts', 'test/unit/transcript/divergences.test.ts'],
  },
];
