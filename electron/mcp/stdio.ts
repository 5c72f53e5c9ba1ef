import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Readable, Writable } from 'node:stream';
import { createLibraryMcpServer } from './server';

export interface StdioOptions {
  dataDir: string;
  version: string;
  stdin: Readable;
  stdout: Writable;
  /** Diagnostics; stdout belongs to the protocol, so this writes to stderr (or a file). */
  log(message: string): void;
}

/**
 * stdout carries the protocol only: a stray `console.log` (ours or a dependency's) would be read by
 * the AI client as a broken message. Called first thing by both entry points.
 */
export function keepStdoutForProtocol(): void {
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
}

/**
 * Serves the library on stdin/stdout until the AI client closes stdin (it ends its servers that
 * way, MCP spec "Transports: stdio"), then resolves. Nothing else may write to stdout.
 */
export async function serveStdio(options: StdioOptions): Promise<void> {
  const mcp = createLibraryMcpServer({ dataDir: options.dataDir, version: options.version });
  const transport = new StdioServerTransport(options.stdin, options.stdout);
  const ended = new Promise<void>((resolve) => {
    options.stdin.once('end', resolve);
    options.stdin.once('close', resolve);
    transport.onclose = resolve;
  });
  mcp.server.server.onerror = (error) => options.log(`MCP error: ${error.message}`);
  await mcp.server.connect(transport);
  options.log(`Vexa Companion library (MCP) serving ${options.dataDir} on stdio`);
  await ended;
  await mcp.close();
}
