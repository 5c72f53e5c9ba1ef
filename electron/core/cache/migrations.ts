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
  {
    version: 2,
    description: 'the offline library: meetings of every server, transcripts, status trails, the edit outbox and full-text indexes',
    up(db) {
      db.exec(LIBRARY_SCHEMA);
      // Speaker matches count half as much as words in the text when ranking.
      db.exec(`INSERT INTO segments_fts (segments_fts, rank) VALUES ('rank', 'bm25(1.0, 0.5)')`);
      // Bulk transcript writes flush the FTS buffer less often (fewer, larger index segments).
      db.exec(`INSERT INTO segments_fts (segments_fts, rank) VALUES ('hashsize', 8388608)`);
    },
  },
  {
    version: 3,
    description: "each segment's server id (segment_id) apart from its merge key; when each meeting's status was last confirmed",
    up(db) {
      // The merge key is the server's segment_id where one was sent, else `t:<ms>` or `r:<s>`
      // (shared/vexa/normalise.ts segmentKey), so the ids of segments already cached are recovered
      // from their keys: server ids (`{session_uid}:{speaker_key}:{startMs}`) take neither shape.
      db.exec(`
        ALTER TABLE segments ADD COLUMN segment_id TEXT;
        UPDATE segments SET segment_id = key WHERE key NOT LIKE 't:%' AND key NOT LIKE 'r:%';
        ALTER TABLE meetings ADD COLUMN status_seen_at INTEGER;
        UPDATE meetings SET status_seen_at = last_synced_at;
      `);
    },
  },
  {
    version: 4,
    description: 'several servers at once: their order, colour, the label the person gave each, and removed servers whose meetings stay',
    up(db) {
      // Servers known before keep the order of their last check, the most recent (the one the app
      // was connected to) first. A removed server's row stays while its meetings do: they are
      // labelled with its name.
      db.exec(`
        ALTER TABLE servers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE servers ADD COLUMN colour TEXT;
        ALTER TABLE servers ADD COLUMN user_label TEXT;
        ALTER TABLE servers ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1));
        UPDATE servers SET position = (
          SELECT count(*) FROM servers AS newer
          WHERE newer.checked_at > servers.checked_at OR (newer.checked_at = servers.checked_at AND newer.id < servers.id)
        );
      `);
    },
  },
  {
    version: 5,
    description: 'the words of every cached transcript, so that a word being typed is searched as the whole words it may become',
    up(db) {
      // Filled from the index itself (every word it holds, in both columns), so that every
      // meeting cached before stays findable as its words are typed (terms.ts says why).
      db.exec(`
        CREATE TABLE segment_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
        CREATE VIRTUAL TABLE temp.segments_fts_words USING fts5vocab(main, segments_fts, 'row');
        INSERT INTO segment_terms (term) SELECT term FROM temp.segments_fts_words;
        DROP TABLE temp.segments_fts_words;
      `);
    },
  },
  {
    version: 6,
    description: 'who took part in each meeting as its server listed it (invitees, speakers), for reading offline and searching by name',
    up(db) {
      // One row per meeting: the server's answer as it was last read. `names` is the distinct
      // names of every row, for the library search (search.ts), kept apart from the rows so that
      // a search reads one short list per meeting.
      db.exec(`
        CREATE TABLE meeting_participants (
          meeting_id       INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
          rows             TEXT NOT NULL,
          names            TEXT NOT NULL,
          sources          TEXT NOT NULL,
          roster_recorded  INTEGER NOT NULL CHECK (roster_recorded IN (0, 1)),
          fetched_at       INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 7,
    description: 'how late each meeting followed live had its captions (median, 95th percentile), kept with the meeting',
    up(db) {
      db.exec(`
        CREATE TABLE caption_delays (
          meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
          median_ms    INTEGER NOT NULL,
          p95_ms       INTEGER NOT NULL,
          lines        INTEGER NOT NULL,
          usual_ms     INTEGER,
          late         INTEGER NOT NULL CHECK (late IN (0, 1)),
          measured_at  INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 8,
    description: 'speaker corrections: names given to the speaker labels of one meeting or of every meeting of a server',
    up(db) {
      // The server's labels stay on the segments; the names shown are derived from these rows
      // (shared/transcript/speakerNames.ts). Keyed by the server's meeting id, not the local row,
      // so a correction holds through a re-sync, a cleared library and a live meeting.
      db.exec(`
        CREATE TABLE speaker_fixes (
          id             INTEGER PRIMARY KEY,
          server_id      TEXT NOT NULL,
          remote_id      INTEGER,
          kind           TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'split')),
          label          TEXT NOT NULL,
          name           TEXT NOT NULL,
          from_absolute  REAL,
          from_start     REAL,
          created_at     INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX speaker_fixes_by_server ON speaker_fixes (server_id, remote_id);
      `);
    },
  },
];

export const LATEST_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Meetings are keyed by (server, remote id): two servers may both have meeting 7 or the same
 * native meeting id. The FTS5 tables are external-content indexes kept in step by explicit
 * inserts and deletes in the repositories, never by triggers (4-5x slower on bulk writes).
 */
const LIBRARY_SCHEMA = `
  CREATE TABLE meetings (
    id                    INTEGER PRIMARY KEY,
    server_id             TEXT NOT NULL REFERENCES servers (id),
    remote_id             INTEGER NOT NULL,
    platform              TEXT NOT NULL,
    native_id             TEXT,
    status                TEXT NOT NULL,
    planned               INTEGER NOT NULL DEFAULT 0,
    start_time            INTEGER,
    end_time              INTEGER,
    created_at            INTEGER,
    updated_at            INTEGER,
    name                  TEXT,
    notes                 TEXT,
    participants          TEXT NOT NULL DEFAULT '[]',
    languages             TEXT NOT NULL DEFAULT '[]',
    completion_reason     TEXT,
    failure_stage         TEXT,
    meeting_url           TEXT,
    shared                INTEGER NOT NULL DEFAULT 0,
    transcript_deleted    INTEGER NOT NULL DEFAULT 0,
    data                  TEXT NOT NULL DEFAULT '{}',
    server_fields         TEXT NOT NULL DEFAULT '{}',
    local_fields          TEXT NOT NULL DEFAULT '[]',
    server_stamp          TEXT,
    last_synced_at        INTEGER,
    transcript_state      TEXT NOT NULL DEFAULT 'none' CHECK (transcript_state IN ('none', 'partial', 'complete', 'unavailable')),
    transcript_synced_at  INTEGER,
    transcript_attempts   INTEGER NOT NULL DEFAULT 0,
    transcript_retry_at   INTEGER,
    transcript_error      TEXT,
    segment_count         INTEGER NOT NULL DEFAULT 0,
    hidden_at             INTEGER,
    UNIQUE (server_id, remote_id)
  ) STRICT;
  CREATE INDEX meetings_by_time ON meetings (coalesce(start_time, created_at, 0) DESC, id DESC);

  CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id),
    key         TEXT NOT NULL,
    speaker     TEXT,
    text        TEXT NOT NULL,
    start_s     REAL NOT NULL,
    end_s       REAL NOT NULL,
    abs_start   INTEGER,
    abs_end     INTEGER,
    language    TEXT,
    confirmed   INTEGER NOT NULL,
    source      TEXT,
    UNIQUE (meeting_id, key)
  ) STRICT;

  CREATE TABLE status_transitions (
    meeting_id         INTEGER NOT NULL REFERENCES meetings (id),
    origin             TEXT NOT NULL CHECK (origin IN ('server', 'app')),
    seq                INTEGER NOT NULL,
    from_status        TEXT,
    to_status          TEXT NOT NULL,
    at                 INTEGER,
    source             TEXT,
    reason             TEXT,
    completion_reason  TEXT,
    failure_stage      TEXT,
    PRIMARY KEY (meeting_id, origin, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    fields        TEXT NOT NULL,
    base          TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'failed', 'conflict', 'done', 'local')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    server_value  TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX outbox_by_meeting ON outbox (meeting_id, id);
  CREATE INDEX outbox_by_state ON outbox (state, id);

  CREATE TABLE sync_state (
    server_id          TEXT PRIMARY KEY REFERENCES servers (id),
    last_sync_at       INTEGER,
    last_full_sync_at  INTEGER,
    last_attempt_at    INTEGER,
    last_error         TEXT
  ) STRICT;

  CREATE VIRTUAL TABLE segments_fts USING fts5 (
    text, speaker,
    content = 'segments', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  );
  CREATE VIRTUAL TABLE meetings_fts USING fts5 (
    name, notes,
    content = 'meetings', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  );
`;
