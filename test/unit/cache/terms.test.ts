import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/cache/migrations';
import { MAX_EXPANSION, TermStore, termForms } from '../../../electron/core/cache/terms';

function store(): { db: Database.Database; terms: TermStore } {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE servers (id TEXT PRIMARY KEY)');
  db.exec('CREATE TABLE segment_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID');
  return { db, terms: new TermStore(db) };
}

describe('the words a typed prefix may become', () => {
  it('keeps each word lowercased and without diacritics, as the index folds it', () => {
    expect(termForms('Budget')).toEqual(['budget']);
    expect(termForms('Café')).toEqual(['café', 'cafe']);
    expect(termForms('日本語')).toEqual(['日本語']);
  });

  it('lists the whole words of a prefix of four letters or more, and leaves shorter or too common prefixes to the index', () => {
    const { db, terms } = store();
    terms.record(['Budget review, budgets: Budgie?', 'Café crème', null, 'bud bu']);
    expect(terms.expand('budg')?.sort()).toEqual(['budget', 'budgets', 'budgie']);
    expect(terms.expand('Budge')?.sort()).toEqual(['budget', 'budgets']);
    // Typed with or without the accent, as the index matches both.
    expect(terms.expand('café')?.sort()).toEqual(['cafe', 'café']);
    expect(terms.expand('cafe')).toEqual(['cafe']);
    expect(terms.expand('bud')).toBeNull();
    expect(terms.expand('zzzz')).toEqual([]);
    terms.record([Array.from({ length: MAX_EXPANSION + 1 }, (_, i) => `budg${i}`).join(' ')]);
    expect(terms.expand('budg')).toBeNull();
    db.close();
  });

  it('starts from the words the index already holds when an older cache is upgraded', () => {
    const db = new Database(':memory:');
    for (const m of migrations.filter((x) => x.version < 5)) m.up(db);
    db.exec("INSERT INTO servers (id, url, label, generation, capabilities, checked_at) VALUES ('s', 's', 's', 'g3', '{}', 0)");
    db.exec("INSERT INTO meetings (id, server_id, remote_id, platform, status) VALUES (1, 's', 1, 'zoom', 'completed')");
    db.exec(
      "INSERT INTO segments (id, meeting_id, key, speaker, text, start_s, end_s, confirmed) VALUES (1, 1, 'k', 'Zoë', 'Quarterly forecast', 0, 1, 1)",
    );
    db.exec('INSERT INTO segments_fts (rowid, text, speaker) SELECT id, text, speaker FROM segments');
    migrations.find((x) => x.version === 5)!.up(db);
    expect(db.prepare('SELECT term FROM segment_terms ORDER BY term').pluck().all()).toEqual(['forecast', 'quarterly', 'zoe']);
    db.close();
  });
});
