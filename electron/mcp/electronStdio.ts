import { Socket } from 'node:net';
import type { Readable } from 'node:stream';

/**
 * The AI client's pipe, read in the desktop app's main process. On Windows Electron replaces
 * `process.stdin` with a stream that ends at once (electron/electron lib/common/init.ts: "Always
 * returns EOF for stdin stream"; issues #4218, #21705: a GUI program has no console stdin), but the
 * pipe the client passed is still handle 0, which Node opens as a socket like its own stdin of a pipe.
 */
export function electronStdin(platform: NodeJS.Platform, stdin: Readable = process.stdin): Readable {
  if (platform !== 'win32') return stdin;
  return new Socket({ fd: 0, readable: true, writable: false });
}
