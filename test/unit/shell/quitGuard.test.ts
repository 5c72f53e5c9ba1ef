import { describe, expect, it } from 'vitest';
import { createQuitGuard } from '../../../electron/main/quitGuard';

function quitEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function setup(close: () => Promise<void>) {
  const log: string[] = [];
  const timers: Array<() => void> = [];
  const guard = createQuitGuard({
    close: () => {
      log.push('close');
      return close();
    },
    quit: () => log.push('quit'),
    setTimer: (fn) => timers.push(fn),
    onError: (e) => log.push(`error ${String(e)}`),
  });
  return { guard, log, fireTimeout: () => timers.forEach((t) => t()) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('quit guard', () => {
  it('holds the first quit until the core has closed, then lets the repeated quit through', async () => {
    const { guard, log } = setup(async () => {});
    const first = quitEvent();
    guard(first);
    expect(first.prevented).toBe(true);
    await tick();
    expect(log).toEqual(['close', 'quit']);
    const second = quitEvent();
    guard(second);
    expect(second.prevented).toBe(false);
  });

  it('absorbs quits requested while closing and closes only once', async () => {
    let release = () => {};
    const { guard, log } = setup(() => new Promise<void>((r) => (release = r)));
    guard(quitEvent());
    const meanwhile = quitEvent();
    guard(meanwhile);
    expect(meanwhile.prevented).toBe(true);
    release();
    await tick();
    expect(log).toEqual(['close', 'quit']);
  });

  it('still quits when closing fails', async () => {
    const { guard, log } = setup(async () => {
      throw new Error('disk full');
    });
    guard(quitEvent());
    await tick();
    expect(log).toEqual(['close', 'error Error: disk full', 'quit']);
  });

  it('still quits when closing hangs past the timeout', async () => {
    const { guard, log, fireTimeout } = setup(() => new Promise<void>(() => {}));
    guard(quitEvent());
    fireTimeout();
    expect(log).toEqual(['close', 'quit']);
    const later = quitEvent();
    guard(later);
    expect(later.prevented).toBe(false);
  });
});
