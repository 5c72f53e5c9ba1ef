/** One request the core made: where it went and the key it carried, if any. */
export interface RecordedRequest {
  host: string;
  url: string;
  /** The `X-API-Key` header (every Vexa route takes the key there), or null. */
  apiKey: string | null;
}

export interface RecordingFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** The hosts that received a request carrying this key. */
  hostsGiven(key: string): string[];
}

/**
 * A fetch for the core that records every request and lets through only those to this computer:
 * a request meant for another host (Vexa Cloud, a mistyped address) is recorded and fails as an
 * unreachable server would, so a test can show where a key would have gone without the internet.
 */
export function recordingFetch(): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push({ host: url.host, url: request.url, apiKey: request.headers.get('x-api-key') });
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }),
      });
    }
    return fetch(request);
  };
  return {
    fetch: wrapped,
    requests,
    hostsGiven: (key) => [...new Set(requests.filter((r) => r.apiKey === key).map((r) => r.host))],
  };
}
