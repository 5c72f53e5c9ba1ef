import { Agent, request, type OutgoingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

// Statuses whose Response may not carry a body (the Fetch standard's null body statuses).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
// The reason phrase the Response constructor accepts; anything else is dropped, not fatal.
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * `fetch` for plain-http servers, over node:http, so that every connection it opens goes through
 * `lookup` (Node's global fetch takes no lookup; giving it one needs undici's Agent, a second copy
 * of undici in the bundle). It covers what the Vexa client uses: a string or URL, a method,
 * headers, a string body and an abort signal. Redirects come back as responses, never followed
 * (node:http does not follow them), as with `redirect: 'manual'`. Keep-alive reuses a connection
 * only to an address the lookup already accepted; each new connection resolves again.
 */
export function plainHttpFetch(lookup: LookupFunction): typeof fetch {
  const agent = new Agent({ keepAlive: true });
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (input instanceof Request) throw new TypeError('plainHttpFetch takes a URL, not a Request');
      const url = new URL(input);
      if (url.protocol !== 'http:') throw new TypeError(`plainHttpFetch only speaks http:, not ${url.protocol}`);
      const body = init.body ?? undefined;
      if (body !== undefined && typeof body !== 'string') throw new TypeError('plainHttpFetch sends string bodies only');
      const method = (init.method ?? 'GET').toUpperCase();
      const headers: OutgoingHttpHeaders = {};
      new Headers(init.headers ?? {}).forEach((value, name) => {
        headers[name] = value;
      });
      if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);

      const req = request(url, { method, headers, agent, lookup, signal: init.signal ?? undefined }, (res) => {
        const status = res.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          try {
            responseHeaders.append(res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '');
          } catch {
            // A header the Headers class refuses is one the client never reads.
          }
        }
        const hasBody = !NULL_BODY.has(status) && method !== 'HEAD';
        if (!hasBody) res.resume();
        const statusText = REASON_PHRASE.test(res.statusMessage ?? '') ? (res.statusMessage ?? '') : '';
        try {
          const stream = hasBody ? (Readable.toWeb(res) as ReadableStream<Uint8Array>) : null;
          resolve(new Response(stream, { status, statusText, headers: responseHeaders }));
        } catch (e) {
          // A status outside 200-599: not an answer fetch could give either.
          res.destroy();
          reject(e instanceof Error ? e : new TypeError(String(e)));
        }
      });
      req.on('error', reject);
      req.end(body);
    });
}
