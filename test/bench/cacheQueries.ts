/**
 * The searches a person makes in the library, as the search box sends them: it sends the query
 * after each pause of 120 ms (renderer/features/library/actions.ts, SEARCH_DEBOUNCE_MS) and has no
 * minimum length, so at an ordinary typing pace (~5 keys a second, one key per 200 ms) every
 * keystroke is a search: "b", "bu", "bud", "budg", "budge", "budget" (the last word still being
 * typed is a prefix), then "budget " once the space is typed (a whole word), "budget r"… A quoted
 * phrase is typed the same way, quote first.
 */
export interface QueryMix {
  /** Distinct queries in the order they were first typed; none of them is a warm-up query. */
  timed: string[];
  /** Typed from other words; any query that is also in `timed` is left out. */
  warmUp: string[];
  /** What the mix holds, for the README and the JSON note. */
  counts: { common: number; content: number; phrases: number; keystrokes: number };
}

/** Every keystroke of `text`, as the box sends it (the untrimmed text at each pause). */
export function keystrokes(text: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= text.length; i++) {
    const q = text.slice(0, i);
    if (q.trim() !== '') out.push(q);
  }
  return out;
}

/**
 * `common` are the 30 most frequent words of the vocabulary ("the", "and", "so"… in speech);
 * `content` words are drawn from the next ranks; `phrases` were heard in the meetings. The mix
 * types each of the common words, then content words (some followed by a second word), then
 * phrases in quotes.
 */
export function queryMix(
  words: readonly string[],
  phrases: readonly string[],
  random: () => number,
  sizes = { content: 40, twoWords: 10, phrases: 10, warmUpWords: 8 },
): QueryMix {
  const typed: string[] = [];
  const type = (text: string) => typed.push(...keystrokes(text));
  const content = () => words[30 + Math.floor(random() * 3_000)]!;
  const common = words.slice(0, 30);
  // Warm-up words come from ranks the timed mix never types whole (3,030 and beyond).
  const warmUpTyped = Array.from({ length: sizes.warmUpWords }, () =>
    keystrokes(`${words[3_030 + Math.floor(random() * 3_000)]!} `),
  ).flat();
  for (const w of common) type(`${w} `);
  for (let i = 0; i < sizes.content; i++) type(i < sizes.twoWords ? `${content()} ${content()}` : content());
  for (let i = 0; i < sizes.phrases; i++) type(`"${phrases[Math.floor(random() * phrases.length)]!}"`);
  const timed = [...new Set(typed)];
  const timedSet = new Set(timed);
  const warmUp = [...new Set(warmUpTyped)].filter((q) => !timedSet.has(q));
  return {
    timed,
    warmUp,
    counts: { common: common.length, content: sizes.content, phrases: sizes.phrases, keystrokes: typed.length },
  };
}
