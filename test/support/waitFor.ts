/**
 * Polls `check` until it returns something truthy and returns it;
 * throws after `timeoutMs` naming what never happened. Scenarios run time-scaled, so the default
 * is generous for a loaded 2-core machine without slowing a passing test.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Lets `ms` pass on the real clock, for a test that shows something does NOT happen meanwhile (no
 * retry after a refusal) or that paces its input. Never to wait for something to happen: a
 * condition has `waitFor`, and a fixed sleep for it is either slow or flaky on a loaded machine.
 */
export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
