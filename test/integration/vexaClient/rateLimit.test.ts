import { afterEach, expect, it } from 'vitest';
import { createVexaClient } from '../../../electron/core/vexa';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { isVexaError } from '../../../shared/vexa/errors';

const KEY = 'vxa_tx_ratelimit0123456789abcdefghijklm';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

// G2's limiter is a one-minute sliding window in which refused requests count too, and it always
// says "retry after 1 second". A client that believed it would keep the window full with its own
// retries and tell the person to try again in a second.
it('a G2 rate limit is explained as a wait for the window, and the client does not retry into it', async () => {
  sim = await startSimulator({ profile: 'g2', port: 0, apiKeys: [{ key: KEY, scopes: ['bot', 'tx'] }], seed: true, rateLimitPerMinute: 3 });
  let requests = 0;
  const fetcher: typeof fetch = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  // The app's own retry policy (retries on), as the session uses it.
  const client = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: 'g2', fetch: fetcher });
  for (let i = 0; i < 3; i++) await client.listMeetings();
  const error = await client.listMeetings().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isVexaError(error) && error.code).toBe('rate_limited');
  expect(isVexaError(error) && error.userMessage).toMatch(/Try again in 60 seconds/);
  expect(requests).toBe(4);
});
