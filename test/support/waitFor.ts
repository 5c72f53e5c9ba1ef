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
