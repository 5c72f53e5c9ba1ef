import { spawnSync } from 'node:child_process';

/*
 * Runs the packaged code the way the app does, from an extracted copy of app.asar, in a separate
 * Node (the same major as Electron 45's) so that nothing resolves from the project's own
 * node_modules: the SQLite binary the package carries opens a database with full-text search, and
 * the packaged export worker writes a PDF and a DOCX of a transcript in every script the PDF fonts
 * cover. Only possible for the package made for this machine's OS and arch.
 */
const SCRIPTS = [
  'Hello, welcome — café naïve',
  'Привет, мир',
  'Γειά σου κόσμε',
  'مرحبا بالعالم',
  'שלום עולם',
  'สวัสดีชาวโลก',
  '你好，世界',
  '안녕하세요 세계',
  'नमस्ते दुनिया',
  'Xin chào thế giới',
  'Ship it 🎉',
];

function transcript(): Record<string, unknown> {
  const at = (s: number): string => new Date(Date.UTC(2026, 0, 5, 10, 0, s)).toISOString();
  return {
    id: 1,
    platform: 'google_meet',
    native_meeting_id: 'abc-defg-hij',
    status: 'completed',
    start_time: at(0),
    end_time: at(60),
    data: { name: 'Packaging check' },
    segments: SCRIPTS.map((text, i) => ({
      segment_id: `s${i}`,
      start: i * 3,
      end: i * 3 + 2,
      text,
      language: 'en',
      speaker: `Speaker ${i}`,
      completed: true,
      absolute_start_time: at(i * 3),
      absolute_end_time: at(i * 3 + 2),
    })),
  };
}

// The worker protocol of electron/core/export/exportRunner.ts (ExportRequest, ExportReply, ready).
const CHILD = `
const { createRequire } = require('node:module');
const { Worker } = require('node:worker_threads');
const [appDir, inputJson] = process.argv.slice(1);
const main = require('node:path').join(appDir, 'dist', 'electron', 'main.cjs');
const out = {};
(async () => {
  const Database = createRequire(main)('better-sqlite3');
  const db = new Database(':memory:');
  db.exec("create virtual table t using fts5(body); insert into t values ('lobby alert'), ('live captions')");
  out.sqlite = db.prepare('select sqlite_version() as v').get().v;
  out.fts = db.prepare("select body from t where t match 'caption*'").all().map((r) => r.body);
  out.sqliteBinary = require.cache[Object.keys(require.cache).find((k) => k.endsWith('.node'))]?.filename ?? null;
  db.close();
  const worker = new Worker(require('node:path').join(appDir, 'dist', 'electron', 'exportWorker.cjs'));
  worker.on('error', (e) => { console.log(JSON.stringify({ ...out, workerError: String(e) })); process.exit(0); });
  await new Promise((r) => worker.once('message', (m) => m.ready && r()));
  let id = 0;
  const ask = (format) => new Promise((resolve) => {
    const mine = ++id;
    const on = (m) => { if (m.id === mine) { worker.off('message', on); resolve(m); } };
    worker.on('message', on);
    worker.postMessage({ id: mine, input: JSON.parse(inputJson), format, options: {} });
  });
  for (const format of ['pdf', 'docx']) {
    const reply = await ask(format);
    out[format] = reply.ok ? Buffer.from(reply.value).toString('latin1') : { error: reply.error };
  }
  await worker.terminate();
  console.log(JSON.stringify(out));
})().catch((e) => { console.log(JSON.stringify({ ...out, error: String(e && e.stack || e) })); });
`;

export interface RuntimeResult {
  sqlite?: string;
  fts?: string[];
  sqliteBinary?: string | null;
  /** The PDF's bytes as latin1 text, or the export error. */
  pdf?: string | { error: { message: string } };
  docx?: string | { error: { message: string } };
  error?: string;
  workerError?: string;
}

export function runPackagedCode(appDir: string): RuntimeResult {
  const r = spawnSync(process.execPath, ['-e', CHILD, appDir, JSON.stringify(transcript())], { encoding: 'utf8', cwd: appDir });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as RuntimeResult;
  } catch {
    return { error: `the packaged code did not run: ${r.stderr || r.stdout || String(r.error)}` };
  }
}
