// Child process of storageFaults.test.ts, run with ordinary file permissions (see
// test/support/storageFaults.ts): opens the cache at argv[2] as the app does at start-up, adds a
// meeting, and prints where the cache lives and which meetings it holds as one JSON line.
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { addServer, meeting } from './helpers';

const file = process.argv[2]!;
const result: Record<string, unknown> = {};
try {
  const cache = openCache({ file });
  result.startup = cache.storage();
  result.version = cache.db.pragma('user_version', { simple: true });
  addServer(cache.db, 'https://child.example');
  const library = new Library({ db: cache.db, file });
  await library.ensureMeeting('https://child.example', meeting(99, { name: 'Written by the child' }));
  result.after = cache.storage();
  result.names = cache.db.prepare('SELECT name FROM meetings ORDER BY remote_id').pluck().all();
  cache.close();
  result.closed = true;
} catch (e) {
  result.error = `${(e as { code?: string }).code ?? ''} ${String(e)}`;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
