import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PRIVATE_FILE_MODE, tempName } from './privateFiles';

/** Beside settings.json in the private data folder; not in settings.json, which other code reads and copies. */
export const MCP_HTTP_FILE = 'mcp-http.json';

const StoredSchema = z.object({ enabled: z.boolean(), token: z.string().min(32) });
export type McpHttpStored = z.infer<typeof StoredSchema>;

/** 32 random bytes: a capability for this computer's library, nothing more. */
export function newToken(): string {
  return `vxc_${randomBytes(32).toString('base64url')}`;
}

/**
 * Whether the library is served over HTTP, and the token it asks for: a local capability token
 * (not a Vexa key, so not the keychain), in an owner-only file written whole and renamed into
 * place. A missing or damaged file means off; turning it on then makes a new token.
 */
export class McpHttpAccessFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, MCP_HTTP_FILE);
  }

  read(): McpHttpStored | null {
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(next: McpHttpStored): void {
    const temp = tempName(this.file);
    try {
      writeFileSync(temp, `${JSON.stringify(next)}\n`, { mode: PRIVATE_FILE_MODE });
      renameSync(temp, this.file);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }
}
