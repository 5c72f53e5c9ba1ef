import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseRetryAfter, scopeForPath } from '../../../shared/vexa/httpErrors';
import type { HttpErrorInput } from '../../../shared/vexa/httpErrors';
import { fixtureJson } from '../../support/fixtures';

const errors = fixtureJson('vexa/errors.json');

function fromJson(status: number, body: unknown, extra: Partial<HttpErrorInput> = {}) {
  return errorFromResponse({
    status,
    bodyText: JSON.stringify(body),
    contentType: 'application/json',
    retryAfter: null,
    host: 'vexa.example.org',
    path: '/bots',
    ...extra,
  });
}

describe('errorFromResponse: keys and scopes', () => {
  it('treats G1 403 "Invalid API token" as a wrong key, like G2/G3 401', () => {
    const g1 = fromJson(403, errors.g1InvalidToken403);
    const g3 = fromJson(401, errors.g2Invalid401);
    for (const e of [g1, g3]) {
      expect(e.code).toBe('unauthorized');
      expect(e.userMessage).toBe(
        'The server rejected this API key. Check that you copied the whole key, or create a new one in the Vexa dashboard.',
      );
    }
    expect(fromJson(403, { detail: 'Missing API token (X-API-Key header)' }).code).toBe('unauthorized');
  });

  it('says which scope the key lacks from the route it was refused on', () => {
    const tx = fromJson(403, errors.g2Scope403, { path: '/transcripts/google_meet/abc-defg-hij' });
    expect(tx.code).toBe('missing_scope');
    expect(tx.userMessage).toMatch(/lacks the "tx" scope/);
    expect(fromJson(403, errors.g2Scope403, { path: '/bots' }).userMessage).toMatch(/lacks the "bot" scope/);
  });

  it('names the admin key when the admin API refuses it', () => {
    const e = fromJson(403, errors.adminBad403, { admin: true, path: '/admin/users' });
    expect(e.code).toBe('unauthorized');
    expect(e.userMessage).toMatch(/admin key/);
  });

  it('keeps other 403s as forbidden with the server reason', () => {
    const e = fromJson(403, errors.g3ServiceNotAllowed403);
    expect(e.code).toBe('forbidden');
    expect(e.userMessage).toBe('The server refused this request: Transcription is not enabled for this workspace.');
    expect(e.detail).toEqual(errors.g3ServiceNotAllowed403.detail);
  });
});

describe('errorFromResponse: bot cap and rate limits', () => {
  it('recognises the concurrent-bot cap of every generation (403 in G1/G2, 429 in G3)', () => {
    for (const [status, body] of [
      [403, errors.g1Limit403],
      [403, errors.g2Limit403],
      [429, errors.g3Limit429],
    ] as const) {
      const e = fromJson(status, body);
      expect(e.code).toBe('limit_reached');
      expect(e.userMessage).toMatch(/Stop one of them/);
    }
    expect(fromJson(429, errors.g3Limit429).userMessage).toContain('(3)');
    expect(fromJson(403, errors.g2Limit403).userMessage).toContain('(2/2)');
    expect(fromJson(403, errors.g2Quota403).userMessage).toMatch(/quota is 0/);
  });

  it('reads the wait from Retry-After; G2 (retry_after in the body) waits for its one-minute window to drain', () => {
    const header = fromJson(429, errors.g3RateLimit429, { retryAfter: '1' });
    expect(header.code).toBe('rate_limited');
    expect(header.retryAfterMs).toBe(1000);
    expect(header.userMessage).toBe('The server is getting too many requests from this key. Try again in 1 second.');
    const body = fromJson(429, fixtureJson('vexa/g2.json').rateLimited);
    expect(body.retryAfterMs).toBe(60_000);
    expect(body.userMessage).toMatch(/Try again in 60 seconds/);
    // The real G2 gateway says 1 second in both places while its window stays full for a minute.
    const g2 = fromJson(429, { detail: 'Rate limit exceeded', retry_after: 1 }, { retryAfter: '1' });
    expect(g2.retryAfterMs).toBe(60_000);
    expect(g2.userMessage).not.toMatch(/1 second/);
    const none = fromJson(429, { detail: 'Too many requests' });
    expect(none.retryAfterMs).toBeUndefined();
    expect(none.userMessage).toMatch(/Wait a minute/);
  });
});

describe('errorFromResponse: other statuses', () => {
  it('explains a duplicate bot and keeps other conflicts in the server words', () => {
    expect(fromJson(409, errors.g1Duplicate409).userMessage).toMatch(/already in this meeting/);
    const e = fromJson(409, { detail: 'Meeting artifacts can only be deleted after the lifecycle is terminal' });
    expect(e.code).toBe('conflict');
    expect(e.userMessage).toBe('Meeting artifacts can only be deleted after the lifecycle is terminal.');
  });

  it('lists validation problems', () => {
    const e = fromJson(422, errors.g1Pydantic422);
    expect(e.code).toBe('validation');
    expect(e.userMessage).toMatch(/^The server did not accept the request: native_meeting_id: Google Meet ID/);
    expect(fromJson(400, { detail: 'No data provided for update.' }).code).toBe('validation');
  });

  it('tells a missing route from a missing meeting', () => {
    expect(fromJson(404, { detail: 'Not Found' }, { path: '/auth/me' }).userMessage).toMatch(/does not offer \/auth\/me/);
    expect(fromJson(404, errors.g3StopNone404).userMessage).toBe('No active meeting for this bot.');
  });

  it('maps gateway failures: 503 auth down, 502/504 upstream, 500 internal', () => {
    const auth = fromJson(503, errors.g3AuthDown503, { retryAfter: '1' });
    expect(auth.code).toBe('auth_unavailable');
    expect(auth.retryAfterMs).toBe(1000);
    const up = fromJson(502, errors.g3Upstream502);
    expect(up.code).toBe('upstream_down');
    expect(up.userMessage).toContain('vexa.example.org');
    expect(up.userMessage).toContain('HTTP 502: Upstream unreachable: ConnectError');
    const internal = fromJson(500, errors.g1BotStartFailed500);
    expect(internal.code).toBe('server_error');
    expect(internal.userMessage).toMatch(/Failed to start bot container/);
  });

  it('shows the dashboard proxy error text', () => {
    const e = fromJson(502, errors.dashboardProxy502);
    expect(e.code).toBe('upstream_down');
    expect(e.userMessage).toMatch(/Failed to connect to Vexa API/);
  });
});

describe('errorFromResponse: not the Vexa API', () => {
  const page = (status: number, html: string, statusText = '') =>
    errorFromResponse({
      status,
      statusText,
      bodyText: html,
      contentType: 'text/html',
      retryAfter: null,
      host: 'vexa.example.org',
      path: '/auth/me',
    });

  it('recognises a proxy error page and names its status', () => {
    const e = page(502, errors.nginx502Html, 'Bad Gateway');
    expect(e.code).toBe('not_vexa');
    expect(e.userMessage).toBe(
      'vexa.example.org answered with a proxy error page (HTTP 502 Bad Gateway), not the Vexa API. The Vexa server behind the proxy may be down, or the URL may be wrong (it should be the API address, e.g. https://api.cloud.vexa.ai).',
    );
  });

  it('recognises a web page (a dashboard URL instead of the API)', () => {
    const e = page(404, errors.dashboardHtml);
    expect(e.code).toBe('not_vexa');
    expect(e.userMessage).toMatch(/answered with a web page, not the Vexa API\. Check the URL \(it should be the API address/);
  });

  it('detects HTML even when the content type lies', () => {
    const e = errorFromResponse({
      status: 403,
      bodyText: errors.dashboardHtml,
      contentType: 'application/json',
      retryAfter: null,
      host: 'h',
      path: '/',
    });
    expect(e.code).toBe('not_vexa');
  });

  it('treats a plain-text 502/503/504 as a proxy, a plain-text 500 as the server', () => {
    const proxy = errorFromResponse({
      status: 503,
      statusText: 'Service Unavailable',
      bodyText: 'no healthy upstream',
      contentType: 'text/plain',
      retryAfter: null,
      host: 'h',
      path: '/',
    });
    expect(proxy.code).toBe('not_vexa');
    expect(proxy.userMessage).toMatch(/HTTP 503 Service Unavailable/);
    const starlette = errorFromResponse({
      status: 500,
      bodyText: 'Internal Server Error',
      contentType: 'text/plain; charset=utf-8',
      retryAfter: null,
      host: 'h',
      path: '/',
    });
    expect(starlette.code).toBe('server_error');
  });
});

describe('helpers', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('later')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('knows which scope each route family needs', () => {
    expect(scopeForPath('/bots/status')).toBe('bot');
    expect(scopeForPath('/meetings/12')).toBe('tx');
    expect(scopeForPath('/transcripts/by-id/3?x=1')).toBe('tx');
    expect(scopeForPath('/auth/me')).toBeNull();
  });
});
