import { randomBytes } from 'node:crypto';

/** How long "use this key in this app" stays possible after a token is minted. */
export const MINTED_TTL_MS = 10 * 60_000;

interface Minted {
  value: string;
  scopes: string[] | null;
  serverId: string;
  expiresAt: number;
}

/**
 * Minted token values, each under an opaque handle, for a short time: the window shows the value
 * once and can then ask to connect with it without sending it back. Nothing here touches the disk.
 */
export class MintedTokens {
  private readonly byHandle = new Map<string, Minted>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly now: () => number) {}

  keep(value: string, serverId: string, scopes: string[] | null): { handle: string; expiresAt: number } {
    const handle = randomBytes(18).toString('base64url');
    const expiresAt = this.now() + MINTED_TTL_MS;
    this.byHandle.set(handle, { value, scopes, serverId, expiresAt });
    const timer = setTimeout(() => {
      this.byHandle.delete(handle);
      this.timers.delete(timer);
    }, MINTED_TTL_MS);
    timer.unref?.();
    this.timers.add(timer);
    return { handle, expiresAt };
  }

  /**
   * The value while its handle holds: null once it expired, was used, or belongs to another
   * server. The handle stays until `used`, so a connection that failed (no keychain, the person
   * then choosing "this session only") can be tried again with it.
   */
  peek(handle: string, serverId: string): { value: string; scopes: string[] | null } | null {
    const m = this.byHandle.get(handle);
    if (!m) return null;
    if (m.expiresAt <= this.now()) {
      this.byHandle.delete(handle);
      return null;
    }
    return m.serverId === serverId ? { value: m.value, scopes: m.scopes } : null;
  }

  /** The handle's value is in use now (the app connected with it): it cannot be used again. */
  used(handle: string): void {
    this.byHandle.delete(handle);
  }

  clear(): void {
    this.byHandle.clear();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
