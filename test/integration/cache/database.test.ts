import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { LATEST_VERSION, migrations } from '../../../electron/core/cache/migrations';
import { fixtureJson } from '../../support/fixtures';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'vexa-cache-')), 'cache.sqlite');

function schemaOf(db: Database.Database): string[] {
  return (db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all() as { sql: string }[]).map((r) =>
    r.sql.replace(/\s+/g, ' ').trim(),
  );
}

describe('cache database', () => {
  it('opens in WAL mode with foreign keys and is stamped with the latest schema version', () => {
    const cache = openCache({ file: fresh() });
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cache.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    cache.close();
  });

  it('matches the schema snapshot', () => {
    const cache = openCache({ file: fresh() });
    const snapshot = fixtureJson<string[]>('cache/schema.json');
    expect(schemaOf(cache.db)).toEqual(snapshot);
    cache.close();
  });

  it('keeps rows across reopen and applies only new migrations', () => {
    const file = fresh();
    const first = openCache({ file, migrations: migrations.slice(0, 1) });
    first.db
      .prepare("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES ('a', 'https://a', 'A', 'g3', '{}', 1)")
      .run();
    first.close();
    const extra = { version: 2, description: 'test', up: (db: Database.Database) => db.exec('ALTER TABLE servers ADD COLUMN note TEXT') };
    const second = openCache({ file, migrations: [...migrations.slice(0, 1), extra] });
    expect(second.db.pragma('user_version', { simple: true })).toBe(2);
    expect(second.db.prepare('SELECT id, note FROM servers').all()).toEqual([{ id: 'a', note: null }]);
    second.close();
  });

  it('migration 2 adds the library to a version-1 cache and keeps its servers', () => {
    const file = fresh();
    const v1 = openCache({ file, migrations: migrations.slice(0, 1) });
    v1.db
      .prepare(
        "INSERT INTO servers (id, url, label, generation, capabilities, checked_at, key_label) VALUES ('https://a', 'https://a', 'A', 'g2', '{}', 7, 'vx…abcd')",
      )
      .run();
    v1.close();

    const v2 = openCache({ file, migrations: migrations.slice(0, 2) });
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.db.prepare('SELECT id, generation, checked_at, key_label FROM servers').all()).toEqual([
      { id: 'https://a', generation: 'g2', checked_at: 7, key_label: 'vx…abcd' },
    ]);
    v2.db.prepare("INSERT INTO meetings (server_id, remote_id, platform, status) VALUES ('https://a', 1, 'zoom', 'completed')").run();
    v2.db
      .prepare("INSERT INTO segments (meeting_id, key, text, start_s, end_s, confirmed) VALUES (1, 'k', 'migrated words', 0, 1, 1)")
      .run();
    v2.db.prepare("INSERT INTO segments_fts (rowid, text, speaker) VALUES (1, 'migrated words', NULL)").run();
    expect(v2.db.prepare("SELECT rowid FROM segments_fts WHERE segments_fts MATCH 'migr*'").all()).toEqual([{ rowid: 1 }]);
    expect(() =>
      v2.db
        .prepare("INSERT INTO meetings (server_id, remote_id, platform, status) VALUES ('https://nowhere', 1, 'zoom', 'completed')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    v2.close();
  });

  it('rolls back a migration that fails halfway and leaves the version unchanged', () => {
    const file = fresh();
    openCache({ file }).close();
    const broken = {
      version: LATEST_VERSION + 1,
      description: 'broken',
      up: (db: Database.Database) => {
        db.exec('CREATE TABLE half (x)');
        throw new Error('disk full');
      },
    };
    expect(() => openCache({ file, migrations: [...migrations, broken] })).toThrow('disk full');
    const again = openCache({ file });
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(again.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    again.close();
  });

  it('refuses a cache written by a newer app version, with an explanation, and leaves it untouched', () => {
    const file = fresh();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    expect(() => openCache({ file })).toThrow(/newer version of Vexa Companion/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    check.close();
  });

  it.each([
    ['garbage', (f: string) => writeFileSync(f, 'this is not a database, just text '.repeat(200))],
    [
      'truncated',
      (f: string) => {
        const c = openCache({ file: f });
        c.db.exec('CREATE TABLE filler (x)');
        const ins = c.db.prepare('INSERT INTO filler VALUES (?)');
        c.db.transaction(() => {
          for (let i = 0; i < 2000; i++) ins.run('x'.repeat(200));
        })();
        c.db.pragma('wal_checkpoint(TRUNCATE)');
        c.close();
        truncateSync(f, 6000);
      },
    ],
  ])('moves a %s file aside and starts a new cache', (_name, damage) => {
    const file = fresh();
    damage(file);
    const cache = openCache({ file, now: () => 42 });
    expect(cache.recoveredFrom).toBe(`${file}.corrupt-42`);
    expect(existsSync(`${file}.corrupt-42`)).toBe(true);
    expect(cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(cache.db.prepare('SELECT count(*) AS n FROM servers').get()).toEqual({ n: 0 });
    cache.close();
    expect(readdirSync(join(file, '..')).filter((n) => n.includes('corrupt'))).toContain('cache.sqlite.corrupt-42');
  });

  it('closes cleanly: no WAL left behind after close', () => {
    const file = fresh();
    const cache = openCache({ file });
    cache.db
      .prepare("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES ('a', 'https://a', 'A', 'g3', '{}', 1)")
      .run();
    cache.close();
    cache.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
