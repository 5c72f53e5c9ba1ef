import { stat } from 'node:fs/promises';
import { isVexaError, recordingContentType } from '../../../shared/vexa';
import type { Logger } from '../ports';
import type { VexaClient } from '../vexa';
import { contentRange, parseByteRange } from './byteRange';
import type { MediaTicket, MediaTickets } from './mediaTickets';
import { OfflineRecordings } from './offlineCache';

export interface MediaServerDeps {
  tickets: MediaTickets;
  cache: OfflineRecordings;
  /** The client of a connected server, or null (offline, or its key is gone). */
  client(serverId: string): VexaClient | null;
  logger: Logger;
}

/** Headers the upstream answer may pass on to the window; nothing else of it (no cookies, no server names). */
const PASSED = ['content-type', 'content-length', 'content-range', 'accept-ranges'];

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function baseHeaders(ticket: MediaTicket, download: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (download) h['Content-Disposition'] = `attachment; filename="${ticket.fileName.replace(/[^\w.-]/g, '_')}"`;
  return h;
}

async function fromFile(path: string, ticket: MediaTicket, request: Request, download: boolean): Promise<Response> {
  const total = (await stat(path)).size;
  const range = parseByteRange(request.headers.get('range'), total);
  const headers = { ...baseHeaders(ticket, download), 'Content-Type': recordingContentType(ticket.format, ticket.type) };
  if (range.kind === 'unsatisfiable')
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': contentRange(range, total)! } });
  const head = request.method === 'HEAD';
  if (range.kind === 'whole')
    return new Response(head ? null : OfflineRecordings.read(path), {
      status: 200,
      headers: { ...headers, 'Content-Length': String(total) },
    });
  return new Response(head ? null : OfflineRecordings.read(path, range.start, range.end), {
    status: 206,
    headers: { ...headers, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': contentRange(range, total)! },
  });
}

/**
 * Answers a media element's request for `/media/<ticket>`, on the desktop app's own protocol and
 * in the web harness alike: from the copy kept on this computer when there is one (with Range,
 * so seeking works offline), else streamed from the meeting's server with the key in the request
 * header and the element's `Range` passed on, so the answer is the server's 206. `?download=1`
 * asks the browser to save the file.
 */
export async function serveMedia(request: Request, deps: MediaServerDeps): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad request');
  }
  const ticket = deps.tickets.resolve(url.pathname);
  if (!ticket) return plain(404, 'This recording is not available. Open the meeting again.');
  const download = url.searchParams.get('download') === '1';
  const kept = await deps.cache.file(ticket);
  if (kept) {
    void deps.cache.touch(ticket).catch(() => undefined);
    return fromFile(kept.path, ticket, request, download);
  }
  const client = deps.client(ticket.serverId);
  if (!client) return plain(503, 'The server is not connected and this recording is not kept on this computer.');
  try {
    const upstream = await client.openRecordingMedia(ticket.recordingId, ticket.mediaId, request.headers.get('range'), {
      signal: request.signal,
    });
    const headers = new Headers(baseHeaders(ticket, download));
    for (const name of PASSED) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    if (!upstream.headers.get('content-type')?.startsWith('audio/') && !upstream.headers.get('content-type')?.startsWith('video/'))
      headers.set('content-type', recordingContentType(ticket.format, ticket.type));
    if (request.method === 'HEAD') {
      await upstream.body?.cancel().catch(() => undefined);
      return new Response(null, { status: upstream.status, headers });
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (e) {
    if (isVexaError(e) && e.code === 'cancelled') return plain(499, 'Cancelled');
    deps.logger.warn('Could not stream a recording', { error: isVexaError(e) ? e.code : String(e) });
    const status = isVexaError(e) && e.status === 404 ? 404 : 502;
    return plain(status, isVexaError(e) ? e.userMessage : 'The recording could not be loaded.');
  }
}
