import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

/**
 * Ordered schema migrations, each applied in one transaction and stamped in `user_version`.
 * Append only: a released migration never changes.
 */
export const migrations: Migration[] = [
  {
    version: 1,
    description: 'servers the app has connected to, with their detected generation and capabilities',
    up(db) {
      db.exec(`
        CREATE TABLE servers (
          id            TEXT PRIMARY KEY,
          url           TEXT NOT NULL,
          label         TEXT NOT NULL,
          generation    TEXT NOT NULL CHECK (generation IN ('g1', 'g2', 'g3')),
          capabilities  TEXT NOT NULL,
          user_email    TEXT,
          warnings      TEXT NOT NULL DEFAULT '[]',
          demo          INTEGER NOT NULL DEFAULT 0,
          insecure      INTEGER NOT NULL DEFAULT 0,
          checked_at    INTEGER NOT NULL,
          key_label     TEXT,
          key_storage   TEXT
        ) STRICT;
      `);
    },
  },
];

export const LATEST_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
