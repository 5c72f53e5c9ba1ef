import { parentPort } from 'node:worker_threads';
import type { ExportReply, ExportRequest, ExportWorkerReady } from './exportRunner';
import { exportTranscript } from './exportTranscript';

/*
 * The export worker (see `workerExports` in exportRunner.ts): one export at a time, in the order
 * asked. Bytes go back transferred, not copied; an error goes back as its name, code and sentence.
 */
const port = parentPort;
if (!port) throw new Error('exportWorker.ts runs as a worker thread only');

port.on('message', (request: ExportRequest) => {
  void exportTranscript(request.input, request.format, request.options).then(
    (value) => {
      const reply: ExportReply = { id: request.id, ok: true, value };
      // Only a buffer the bytes own alone moves; a view into Node's shared pool is copied.
      const own = typeof value !== 'string' && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
      port.postMessage(reply, own ? [value.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => {
      const error = e instanceof Error ? e : new Error(String(e));
      const reply: ExportReply = {
        id: request.id,
        ok: false,
        error: { name: error.name, code: (error as { code?: unknown }).code as string | undefined, message: error.message },
      };
      port.postMessage(reply);
    },
  );
});

const ready: ExportWorkerReady = { ready: true };
port.postMessage(ready);
