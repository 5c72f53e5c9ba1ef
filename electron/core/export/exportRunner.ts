import { Worker } from 'node:worker_threads';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { Logger } from '../ports';
import { ExportError, type ExportFormat, type ExportInput, type ExportOptions } from './types';

/**
 * The formats and their libraries (pdfkit, fontkit, docx: about a fifth of the core's modules)
 * load on the first export on this thread, not when the core starts: most runs never export.
 */
async function exportTranscript(input: ExportInput, format: ExportFormat, options?: ExportOptions): Promise<string | Uint8Array> {
  return (await import('./exportTranscript')).exportTranscript(input, format, options);
}

/** Runs `exportTranscript` somewhere: on the core's thread, or in a worker thread of its own. */
export interface ExportRunner {
  run(input: ExportInput, format: ExportFormat, options?: ExportOptions): Promise<string | Uint8Array>;
  close(): Promise<void>;
}

export const inProcessExports: ExportRunner = {
  run: (input, format, options) => exportTranscript(input, format, options),
  close: async () => {},
};

/** What the worker is asked and what it answers (`exportWorker.ts`). */
export interface ExportRequest {
  id: number;
  input: ExportInput;
  format: ExportFormat;
  options: ExportOptions;
}

export type ExportReply =
  { id: number; ok: true; value: string | Uint8Array } | { id: number; ok: false; error: { name: string; code?: string; message: string } };

/** Sent once the worker's script has loaded: until then a failure means it cannot run here at all. */
export interface ExportWorkerReady {
  ready: true;
}

export interface WorkerExportsOptions {
  /** The worker's script: `exportWorker.cjs` next to the bundled main, or `exportWorker.ts` run through tsx. */
  file: string | URL;
  /** Node flags for the worker (`['--import', 'tsx']` where the script is TypeScript). */
  execArgv?: string[];
  logger: Logger;
}

interface Pending {
  request: ExportRequest;
  resolve(value: string | Uint8Array): void;
  reject(error: Error): void;
}

const STOPPED = 'The export stopped unexpectedly. Try again; if it happens again, restart the app.';
const stopped = (): Error => new UserFacingError('export_failed', STOPPED);

/**
 * Exports in a worker thread, so that a long meeting's PDF or DOCX never holds the core's thread
 * (IPC answers, live frames and the cache wait behind it otherwise). The worker starts on the first
 * export and stays for the session, keeping its fonts and shaped words; if it dies, the exports in
 * flight fail with a sentence and the next one starts a new worker. A worker that cannot start at
 * all (its script missing from a package) is not tried again: exports run on the core's thread.
 * Options that cannot cross a thread (a custom font reader) run on the core's thread too.
 */
export function workerExports(o: WorkerExportsOptions): ExportRunner {
  let worker: Worker | null = null;
  let started = false;
  let unavailable = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  /** The worker never came up: everything asked of it, and everything after, runs here. */
  const giveUp = (e: unknown): void => {
    unavailable = true;
    o.logger.warn('Exports run on the main thread: the export worker could not start', { error: e });
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) exportTranscript(p.request.input, p.request.format, p.request.options).then(p.resolve, p.reject);
  };

  const start = (): Worker => {
    started = false;
    const w = new Worker(o.file, { execArgv: o.execArgv });
    // An idle export worker must not keep the app (or a test run) alive.
    w.unref();
    w.on('message', (reply: ExportReply | ExportWorkerReady) => {
      if ('ready' in reply) {
        started = true;
        return;
      }
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(toError(reply.error));
      if (pending.size === 0) w.unref();
    });
    w.on('error', (e) => {
      if (worker === w) worker = null;
      if (!started) return giveUp(e);
      o.logger.error('The export worker failed', { error: e });
      failAll(stopped());
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (pending.size > 0 && started) {
        o.logger.warn('The export worker exited during an export', { code });
        failAll(stopped());
      }
    });
    return w;
  };

  return {
    run(input, format, options = {}) {
      if (options.readFont || unavailable) return exportTranscript(input, format, options);
      let w: Worker;
      try {
        w = worker ??= start();
      } catch (e) {
        giveUp(e);
        return exportTranscript(input, format, options);
      }
      return new Promise<string | Uint8Array>((resolve, reject) => {
        const request: ExportRequest = { id: nextId++, input, format, options };
        pending.set(request.id, { request, resolve, reject });
        w.ref();
        w.postMessage(request);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new UserFacingError('export_failed', 'The app is closing; the export was not finished.'));
      await w?.terminate();
    },
  };
}

/** An exporter's error as it was thrown, so the IPC layer still sees its code and sentence. */
function toError(e: { name: string; code?: string; message: string }): Error {
  if (e.name === 'ExportError' && e.code) return new ExportError(e.code as ExportError['code'], e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
