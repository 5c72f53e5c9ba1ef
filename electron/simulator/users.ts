import { randomInt } from 'node:crypto';
import type { SimClock } from './clock';
import type { SimProfile, SimScope, SimUserKey, TokenRecord, UserRecord } from './types';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

/**
 * Token values per generation: G1 mints 40 alphanumerics; G2/G3 mint `vxa_<first scope>_<32>`
 * (the scopes column is authoritative, the prefix is only a hint).
 */
export function mintTokenValue(profile: SimProfile, scopes: readonly SimScope[]): string {
  if (profile === 'g1') return randomAlnum(40);
  return `vxa_${scopes[0] ?? 'bot'}_${randomAlnum(32)}`;
}

export const DEFAULT_MAX_CONCURRENT = 3;

export class UserStore {
  private readonly users = new Map<number, UserRecord>();
  private readonly tokens = new Map<number, TokenRecord>();
  private nextUserId = 1;
  private nextTokenId = 1;

  constructor(private readonly clock: SimClock) {}

  /** How many users there are (`/_sim/state` reports it). */
  get size(): number {
    return this.users.size;
  }

  createUser(init: {
    email: string;
    name?: string | null;
    imageUrl?: string | null;
    maxConcurrent?: number;
    data?: Record<string, unknown>;
    createdAt?: number;
  }): UserRecord {
    const user: UserRecord = {
      id: this.nextUserId++,
      email: init.email,
      name: init.name ?? null,
      imageUrl: init.imageUrl ?? null,
      maxConcurrent: init.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
      data: init.data ?? {},
      createdAt: init.createdAt ?? this.clock.now(),
    };
    this.users.set(user.id, user);
    return user;
  }

  byEmail(email: string): UserRecord | undefined {
    for (const u of this.users.values()) if (u.email === email) return u;
    return undefined;
  }

  get(id: number): UserRecord | undefined {
    return this.users.get(id);
  }

  list(): UserRecord[] {
    return [...this.users.values()];
  }

  addToken(
    userId: number,
    token: string,
    scopes: SimScope[],
    opts: { name?: string | null; expiresInSec?: number | null; createdAt?: number; lastUsedAt?: number | null } = {},
  ): TokenRecord {
    const now = opts.createdAt ?? this.clock.now();
    const record: TokenRecord = {
      id: this.nextTokenId++,
      token,
      userId,
      scopes,
      name: opts.name ?? null,
      createdAt: now,
      expiresAt: opts.expiresInSec ? now + opts.expiresInSec * 1000 : null,
      lastUsedAt: opts.lastUsedAt ?? null,
    };
    this.tokens.set(record.id, record);
    return record;
  }

  tokensOf(userId: number): TokenRecord[] {
    return [...this.tokens.values()].filter((t) => t.userId === userId);
  }

  revokeToken(id: number): boolean {
    return this.tokens.delete(id);
  }

  /** Resolves a user key; expired tokens are invalid, as in G3's `/internal/validate`. */
  resolve(key: string): { user: UserRecord; token: TokenRecord } | null {
    for (const token of this.tokens.values()) {
      if (token.token !== key) continue;
      if (token.expiresAt !== null && token.expiresAt < this.clock.now()) return null;
      const user = this.users.get(token.userId);
      if (!user) return null;
      token.lastUsedAt = this.clock.now();
      return { user, token };
    }
    return null;
  }

  /** Registers the keys given at start-up; keys sharing an email share a user. */
  registerKeys(keys: ReadonlyArray<string | SimUserKey>): UserRecord[] {
    const created: UserRecord[] = [];
    keys.forEach((entry, index) => {
      const spec: SimUserKey = typeof entry === 'string' ? { key: entry } : entry;
      const email = spec.email ?? (index === 0 ? 'demo@example.com' : `user${index + 1}@example.com`);
      let user = this.byEmail(email);
      if (!user) {
        user = this.createUser({
          email,
          name: index === 0 ? 'Demo User' : null,
          maxConcurrent: spec.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
        });
        created.push(user);
      } else if (spec.maxConcurrent !== undefined) {
        user.maxConcurrent = spec.maxConcurrent;
      }
      this.addToken(user.id, spec.key, spec.scopes ?? ['bot', 'tx'], { name: 'configured' });
    });
    return created;
  }
}
