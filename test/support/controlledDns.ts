import type { Resolver } from '../../electron/core/net/guardedLookup';

export interface ControlledDns {
  /** The resolver port to hand the core. */
  resolveHost: Resolver;
  /** What `name` resolves to from now on. */
  answer(next: string[]): void;
  /** Every name asked for, in order. */
  asked: string[];
}

/**
 * A resolver for tests: `name` resolves to what the test says (at first `initial`), any other name
 * does not exist. Lets a test point a plain-http name such as `vexa.internal` at 127.0.0.1, or at a
 * public documentation address, without touching the system's DNS.
 */
export function controlledDns(name: string, initial: string[]): ControlledDns {
  let current = initial;
  const asked: string[] = [];
  return {
    asked,
    answer: (next) => {
      current = next;
    },
    resolveHost: async (host) => {
      asked.push(host);
      if (host !== name) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return current;
    },
  };
}
