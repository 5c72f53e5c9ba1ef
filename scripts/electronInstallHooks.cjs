// Preloaded (`node --require`) into node_modules/electron/install.js by scripts/electronInstall.mjs.
// The installer is run unchanged; this only makes what it does visible:
// - @electron/get downloads with the global fetch. When fetch fails, the real reason (DNS, refused
//   connection, TLS certificate) is in the error's `cause`, but install.js prints only `err.stack`,
//   which leaves the cause out. The causes are appended to the stack so the printed error names them.
// - @electron/get draws a progress bar only after 30 s and only on a terminal; a download of about
//   100 MB deserves a line from the start. Progress goes to stdout; the address being fetched goes
//   to stderr with the errors, where scripts/electronInstallFailure.mjs reads it to name the host.
'use strict';

const original = globalThis.fetch;
const terminal = process.env.VEXA_INSTALL_PROGRESS === 'tty';

function describe(error) {
  const code = error && typeof error === 'object' && 'code' in error && error.code ? ` [${String(error.code)}]` : '';
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${message}${code}`;
}

/** Appends "Caused by:" lines for the error's cause chain (and AggregateError members) to its stack. */
function withCauses(error) {
  if (!(error instanceof Error)) return error;
  const lines = [];
  const seen = new Set();
  const walk = (e, depth) => {
    if (!e || seen.has(e) || depth > 5) return;
    seen.add(e);
    lines.push(`Caused by: ${describe(e)}`);
    if (Array.isArray(e.errors)) for (const inner of e.errors) walk(inner, depth + 1);
    walk(e.cause, depth + 1);
  };
  walk(error.cause, 0);
  if (lines.length > 0) {
    try {
      error.stack = `${error.stack ?? describe(error)}\n${lines.join('\n')}`;
    } catch {
      // A frozen error keeps its stack; the installer then prints what it has.
    }
  }
  return error;
}

function megabytes(bytes) {
  return (bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0);
}

function progressReporter(url, total) {
  const name = decodeURIComponent(url.split('/').pop() || url);
  let lastStep = -1;
  const write = (text, final) => {
    if (terminal) process.stdout.write(`\r${text}${final ? '\n' : ''}`);
    else process.stdout.write(`${text}\n`);
  };
  write(`Downloading ${name}${total ? ` (${megabytes(total)} MB)` : ''}`, true);
  return (received, done) => {
    const step = total ? Math.floor((received / total) * 10) : Math.floor(received / 10_000_000);
    if (!done && step === lastStep) return;
    lastStep = step;
    const amount = total
      ? `${megabytes(received)} of ${megabytes(total)} MB (${Math.floor((received / total) * 100)}%)`
      : `${megabytes(received)} MB`;
    write(done ? `Downloaded ${megabytes(received)} MB.` : `  ${amount}`, done);
  };
}

function withProgress(response, url) {
  const total = Number(response.headers.get('content-length')) || 0;
  const report = progressReporter(url, total);
  const reader = response.body.getReader();
  let received = 0;
  const body = new ReadableStream({
    async pull(controller) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (terminal) process.stdout.write('\n');
        throw withCauses(error);
      }
      if (chunk.done) {
        report(received, true);
        controller.close();
        return;
      }
      received += chunk.value.byteLength;
      report(received, false);
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

if (typeof original === 'function') {
  globalThis.fetch = async function fetchShowingProgressAndCauses(input, init) {
    const url = typeof input === 'string' ? input : String(input.url ?? input);
    process.stderr.write(`Connecting to ${url}\n`);
    let response;
    try {
      response = await original(input, init);
    } catch (error) {
      throw withCauses(error);
    }
    if (!response.ok || !response.body) return response;
    return withProgress(response, url);
  };
}
