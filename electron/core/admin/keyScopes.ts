import type { ServerPort } from '../connections/serverConnection';
import { prefixScope } from './views';

/**
 * The scopes of the connected key, to say what a key has when the server refuses it for a scope.
 * The server's `/auth/me` (G2/G3) is asked once per key; a key's prefix is the fallback.
 */
export class KeyScopes {
  private cached: { identity: string; scopes: string[] | null } | null = null;

  constructor(private readonly connection: ServerPort) {}

  private identity(): string | null {
    const s = this.connection.activeServer;
    const label = this.connection.view().key?.label;
    return s && label ? `${s.id}\n${label}` : null;
  }

  remember(scopes: string[] | null): void {
    const identity = this.identity();
    if (identity && scopes) this.cached = { identity, scopes };
  }

  async current(): Promise<string[] | null> {
    const identity = this.identity();
    if (!identity) return null;
    if (this.cached?.identity === identity) return this.cached.scopes;
    const server = this.connection.activeServer;
    let scopes: string[] | null = null;
    if (server?.capabilities.authMe) {
      try {
        scopes = (await this.connection.client().authMe()).scopes;
      } catch {
        // The refusal still says what the action needs.
      }
    }
    if (!scopes) {
      const p = this.connection.withActiveKey((_s, key) => prefixScope(key));
      scopes = p ? [p] : null;
    }
    this.cached = { identity, scopes };
    return scopes;
  }
}
