/**
 * Whether a test has closed its app. After that, the still-open page tries to reach the stopped core
 * again until the page itself is closed, and Chromium logs each refused attempt as a console error:
 * that is the end of the test, not a problem of the app. Before it, the same message is a failure.
 */
let closed = false;

export function noteAppClosed(): void {
  closed = true;
}

export function resetAppClosed(): void {
  closed = false;
}

// The page's link to the core refused, and its check whether the address still works (a HEAD
// request to the page's own address, which Chromium reports without the address).
const REFUSED_AFTER_CLOSE = [
  /^console\.error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ipc\?token=[^']*' failed: .*ERR_CONNECTION_REFUSED$/,
  /^console\.error: Failed to load resource: net::ERR_CONNECTION_REFUSED$/,
];

/** A message the page logs only because its app was closed at the end of the test. */
export function isAfterCloseNoise(problem: string): boolean {
  return closed && REFUSED_AFTER_CLOSE.some((pattern) => pattern.test(problem));
}
