// Child process of crash.test.ts: ingests a live meeting into the cache as fast as it can and
// prints one line per batch after its transaction committed, until it is killed.
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import type { TranscriptSegment } from '../../../shared/vexa/types';
import { addServer, meeting } from './helpers';

const [file, run] = process.argv.slice(2) as [string, string];
const cache = openCache({ file });
addServer(cache.db, 'https://live.example', 'g3');
const library = new Library({ db: cache.db, file });
const meetingId = await library.ensureMeeting('https://live.example', meeting(1, { status: 'active', endTime: null }));
const words = ['deploy', 'roadmap', 'budget', 'café', 'review', 'customer', 'latency', 'retro', 'hiring', 'launch'];

let previous: string[] = [];
for (let batch = 0; ; batch++) {
  const drafts = Array.from({ length: 25 }, (_, i) => `r${run}-b${batch}-${i}`);
  const segs: TranscriptSegment[] = [
    // Last batch's drafts settle (same key, new text), and new drafts arrive.
    ...previous.map((key, i) => seg(key, `${words[i % words.length]} confirmed line ${key}`, true)),
    ...drafts.map((key, i) => seg(key, `${words[(i + batch) % words.length]} draft ${key}`, false)),
  ];
  await library.appendSegments(meetingId, segs);
  process.stdout.write(`${JSON.stringify({ confirmed: previous, drafts })}\n`);
  previous = drafts;
}

function seg(key: string, text: string, completed: boolean): TranscriptSegment {
  const n = Number.parseInt(key.split('-').pop() ?? '0', 10);
  return {
    key,
    speaker: n % 2 ? 'Alice' : 'Bob',
    text,
    start: n,
    end: n + 1,
    absoluteStart: null,
    absoluteEnd: null,
    language: 'en',
    completed,
  };
}
