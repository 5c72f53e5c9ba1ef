import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { harnessAppPaths } from '../harness/paths';
import { keepStdoutForProtocol, serveStdio } from './stdio';

const USAGE = `Usage: npm run --silent mcp -- [--data-dir DIR]

Serves the Vexa Companion library to an AI client over stdio (Model Context Protocol), read-only.
An AI client starts this command itself; Settings → AI tools (MCP) shows the exact line to paste.
  --data-dir DIR  the app's data folder (default: the browser-served app's own)
`;

/** The browser/development version of `Vexa Companion --mcp`: the same server, run by tsx. */
async function main(): Promise<void> {
  keepStdoutForProtocol();
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stderr.write(USAGE);
    return;
  }
  const root = resolve(import.meta.dirname, '..', '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : harnessAppPaths().data;
  await serveStdio({
    dataDir,
    version,
    stdin: process.stdin,
    stdout: process.stdout,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`The Vexa Companion library server stopped: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
