/**
 * What the simulated participants say: three colleagues planning the next release of their team's
 * mobile app. Deterministic, so tests can compare what a client shows with the server's truth.
 */
export interface Speaker {
  name: string;
  /** G3 speaker_key; also part of every segment_id. */
  key: string;
}

export interface ScriptLine {
  speaker: Speaker;
  text: string;
  /** Seconds of speech. */
  seconds: number;
  /** Silence after the line, seconds. */
  gap: number;
  /** Posted in the meeting chat instead of spoken. */
  chat?: boolean;
}

export const SPEAKERS = {
  maya: { name: 'Maya Lindqvist', key: 'p1' },
  daniel: { name: 'Daniel Okafor', key: 'p2' },
  priya: { name: 'Priya Raman', key: 'p3' },
} as const satisfies Record<string, Speaker>;

type Who = keyof typeof SPEAKERS;

const PLANNING: ReadonlyArray<[Who, string] | [Who, string, 'chat']> = [
  ['maya', 'Morning both, thanks for making time. Let us plan the June release.'],
  ['daniel', 'Morning. I have the sprint board open, so I can share numbers.'],
  ['priya', 'Hi. I brought the new onboarding screens as well.'],
  ['maya', 'Great. Three topics: offline sync, the onboarding redesign, and the date.'],
  ['daniel', 'Offline sync first then. The storage layer is done and merged.'],
  ['daniel', 'Conflict handling is the open part. Two edits on two phones still collide.'],
  ['maya', 'How often does that happen with real users, do we know?'],
  ['daniel', 'About one in four hundred sessions, from last month of telemetry.'],
  ['priya', 'Could we show both versions and let the person pick one?'],
  ['daniel', 'We could. Last write wins is simpler, but it silently loses work.'],
  ['maya', 'Losing work is the one thing we cannot ship. Let us do the picker.'],
  ['priya', 'I can sketch the conflict sheet by Thursday.'],
  ['daniel', 'Then I need about eight working days after the sketch lands.'],
  ['maya', 'Noted. Onboarding next. Priya, walk us through it?'],
  ['priya', 'Five screens become three. We ask for the account only at the end.'],
  ['priya', 'In the test sessions, seven of eight people finished without help.'],
  ['daniel', 'The permission prompt for notifications, does it move too?'],
  ['priya', 'Yes, we ask for it the first time someone sets a reminder.'],
  ['maya', 'I like that a lot. It explains itself at the right moment.'],
  ['priya', 'Here is the prototype link for anyone who wants to click through.', 'chat'],
  ['daniel', 'Engineering cost is small. Mostly deleting old screens, honestly.'],
  ['maya', 'Now the date. Marketing asked for June twelfth.'],
  ['daniel', 'With the conflict picker, June twelfth is tight but possible.'],
  ['priya', 'What if the picker ships behind a flag for the first week?'],
  ['daniel', 'That works. We turn it on once the crash rate looks clean.'],
  ['maya', 'Decision then: June twelfth, picker behind a flag, onboarding for everyone.'],
  ['maya', 'Action items. Priya sends the conflict sketch by Thursday.'],
  ['maya', 'Daniel books the release train and updates the board today.'],
  ['daniel', 'Will do. I will also ask support to watch sync tickets.'],
  ['priya', 'And I will book two more usability sessions for the picker.'],
  ['maya', 'Perfect. Same time next week to check progress. Thanks, both.'],
  ['daniel', 'Thanks, see you.'],
  ['priya', 'Bye everyone.'],
];

function speechSeconds(text: string): number {
  const words = text.split(/\s+/).length;
  return Math.min(3.4, Math.max(1.8, Math.round(words * 0.28 * 10) / 10));
}

const GAPS = [0.3, 0.45, 0.6];

function line(who: Who, text: string, index: number, chat = false): ScriptLine {
  return {
    speaker: SPEAKERS[who],
    text,
    seconds: chat ? 0 : speechSeconds(text),
    gap: GAPS[index % GAPS.length]!,
    ...(chat ? { chat } : {}),
  };
}

export function planningScript(): ScriptLine[] {
  return PLANNING.map(([who, text, kind], i) => line(who, text, i, kind === 'chat'));
}

const LEADS = [
  'Quick update on',
  'One more thought about',
  'Coming back to',
  'I looked again at',
  'Let me add something on',
  'A question about',
  'To close the loop on',
];
const TOPICS = [
  'the billing screen',
  'crash reports from Android',
  'the search latency',
  'our accessibility audit',
  'the tablet layout',
  'push notification timing',
  'the localisation backlog',
  'the export feature',
  'battery usage on older phones',
  'the beta feedback form',
  'the dark theme contrast',
];
const TAILS = [
  'and I think we are on track.',
  'and it needs one more review.',
  'so I will write it up today.',
  'which should be fine for the release.',
  'and the numbers look better this week.',
  'but we should keep an eye on it.',
  'so let us pair on it tomorrow.',
  'and design already signed off.',
  'which support asked about twice.',
  'and I have a draft ready.',
  'so that moves to next sprint.',
  'and the fix is small.',
  'which I will demo on Friday.',
];
const ROTATION: Who[] = ['maya', 'daniel', 'priya', 'daniel', 'maya', 'priya', 'priya', 'daniel'];

/**
 * A long meeting: the planning script, then `extra` more distinct lines. Lead, topic and tail
 * lists have coprime lengths (7, 11, 13), so the first 1001 generated sentences are all different;
 * later ones carry their number, so every line of a very long meeting can be searched for alone.
 */
export function longScript(extra = 200): ScriptLine[] {
  const lines = planningScript().filter((l) => !l.chat);
  const base = lines.length;
  for (let k = 0; k < extra; k++) {
    const said = `${LEADS[k % LEADS.length]} ${TOPICS[k % TOPICS.length]}, ${TAILS[k % TAILS.length]}`;
    const text = k < 1001 ? said : `${said} Point ${k}.`;
    lines.push(line(ROTATION[k % ROTATION.length]!, text, base + k));
  }
  return lines;
}

/** Offsets (seconds from the session start) at which each line begins. */
export function lineStarts(lines: readonly ScriptLine[], firstOffset = 1.5): number[] {
  const starts: number[] = [];
  let t = firstOffset;
  for (const l of lines) {
    starts.push(Math.round(t * 1000) / 1000);
    t += l.seconds + l.gap;
  }
  return starts;
}
