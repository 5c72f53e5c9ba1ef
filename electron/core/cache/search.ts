import type Database from 'better-sqlite3';
import { buildMatchQuery, parseMarked, withWholeWords } from './ftsQuery';
import { meetingWhere } from './libraryFilter';
import { matchParticipants } from './participantMatch';
import { MARK_CLOSE, MARK_OPEN } from './rows';
import type { ServerNames } from './serverNames';
import { SHOWN_SPEAKER_SQL, type SpeakerFixStore } from './speakerFixes';
import { aliasLabels, aliasMatch, shownHit } from './speakerSearch';
import type { MeetingHit, SearchFilters, SearchPage, SearchResult, SegmentHit } from './types';

const MAX_LIMIT = 200;
/** Beyond this many matching segments, results are not ranked (see tooManyToRank). */
export const RANK_LIMIT = 20_000;
const MEETING_HITS = 20;
const SNIPPET_TOKENS = 16;
const MEETING_TIME = 'coalesce(m.start_time, m.created_at, 0)';

interface SegmentHitRow {
  meeting_id: number;
  server_id: string;
  name: string | null;
  platform: string;
  native_id: string | null;
  remote_id: number;
  meeting_time: number | null;
  key: string;
  start_s: number;
  abs_start: number | null;
  speaker: string | null;
  snip: string | null;
  speaker_marked: string | null;
}

interface MeetingHitRow {
  id: number;
  server_id: string;
  platform: string;
  native_id: string | null;
  remote_id: number;
  meeting_time: number | null;
  name_marked: string | null;
  notes_snip: string | null;
}

export interface SearchQuery {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Transcript lines matching `match` among the meetings the filters keep. The full-text index
 * drives the query (its matches are joined to their rows by primary key), whatever the filters.
 * CROSS JOIN keeps SQLite's planner from reordering the tables (sqlite.org/optoverview.html,
 * "Manual Control Of Query Plans Using CROSS JOIN"): with the statistics `PRAGMA optimize`
 * gathers, a server filter made it start the name search of a small library from that server's
 * meetings through the (server_id, remote_id) index, probing the index once per meeting; on
 * transcripts that path would read every line of the server. A test pins the plans
 * (test/integration/cache/servers.test.ts); `npm run bench -- cache` measures them.
 */
export function segmentHitsQuery(
  match: string,
  f: SearchFilters,
  page: { limit: number; offset: number; ranked: boolean },
  /** Speaker corrections exist: the speaker filter compares the name shown (speakerFixes.ts). */
  shownSpeaker = false,
): SearchQuery {
  const params: Record<string, unknown> = {
    match,
    limit: page.limit,
    offset: page.offset,
    open: MARK_OPEN,
    close: MARK_CLOSE,
    tokens: SNIPPET_TOKENS,
  };
  let where = meetingWhere(f, params);
  if (f.speaker !== undefined) {
    where += shownSpeaker
      ? ` AND ${SHOWN_SPEAKER_SQL}(m.server_id, m.remote_id, s.speaker, s.start_s, s.abs_start) = @speaker COLLATE NOCASE`
      : ' AND s.speaker = @speaker COLLATE NOCASE';
    params.speaker = f.speaker;
  }
  const sql = `SELECT s.meeting_id, m.server_id, m.name, m.platform, m.native_id, m.remote_id, ${MEETING_TIME} AS meeting_time, s.key, s.start_s, s.abs_start, s.speaker,
       snippet(segments_fts, 0, @open, @close, '…', @tokens) AS snip,
       highlight(segments_fts, 1, @open, @close) AS speaker_marked
     FROM segments_fts
     CROSS JOIN segments s ON s.id = segments_fts.rowid
     CROSS JOIN meetings m ON m.id = s.meeting_id
     WHERE segments_fts MATCH @match AND ${where}
     ORDER BY ${page.ranked ? 'rank' : 'segments_fts.rowid DESC'} LIMIT @limit OFFSET @offset`;
  return { sql, params };
}

/** Meetings whose name or notes match, among those the filters keep (driven by the name index). */
export function meetingHitsQuery(match: string, f: SearchFilters): SearchQuery {
  const params: Record<string, unknown> = { match, open: MARK_OPEN, close: MARK_CLOSE, tokens: SNIPPET_TOKENS, limit: MEETING_HITS };
  const sql = `SELECT m.id, m.server_id, m.platform, m.native_id, m.remote_id, ${MEETING_TIME} AS meeting_time,
       highlight(meetings_fts, 0, @open, @close) AS name_marked,
       snippet(meetings_fts, 1, @open, @close, '…', @tokens) AS notes_snip
     FROM meetings_fts CROSS JOIN meetings m ON m.id = meetings_fts.rowid
     WHERE meetings_fts MATCH @match AND ${meetingWhere(f, params)}
     ORDER BY rank LIMIT @limit`;
  return { sql, params };
}

/**
 * Full-text search over every cached transcript and meeting name/notes, across servers, ranked
 * by bm25 (FTS5's `rank`, configured in the schema). Snippets come back as plain-text parts;
 * the markers are private-use characters the cache strips from stored text.
 */
export class SearchIndex {
  private readonly cache = new Map<string, Database.Statement>();

  /**
   * @param wholeWords the whole words a typed prefix may become, or null to leave the prefix to
   *   FTS5 (terms.ts: a prefix beyond the prefix indexes costs a full doclist read per word)
   */
  constructor(
    private readonly db: Database.Database,
    private readonly names: ServerNames,
    private readonly wholeWords: (prefix: string) => string[] | null = () => null,
    private readonly fixes: SpeakerFixStore | null = null,
  ) {}

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  search(query: string, filters: SearchFilters = {}, page: SearchPage = {}): SearchResult {
    const q = buildMatchQuery(typeof query === 'string' ? query : '');
    if (q.match === null) return { terms: [], prefix: false, ranked: true, segments: [], meetings: [], hasMore: false };
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(page.limit ?? 50)));
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    // Transcripts only: meeting names and notes are not in the word list, and their index is small.
    const words = q.typing ? this.wholeWords(q.typing.word) : null;
    const fixes = this.fixes?.any() ? this.fixes : null;
    const plain = (words && withWholeWords(q, words)) ?? q.match;
    const widened = fixes ? aliasMatch(plain, aliasLabels(fixes.all(), q.terms, q.prefix)) : null;
    const segmentMatch = widened ?? plain;
    const ranked = !this.tooManyToRank(segmentMatch);
    const segments = this.segmentHits(segmentMatch, filters, limit + 1, offset, ranked, { q, aliased: widened !== null });
    const hasMore = segments.length > limit;
    const meetings =
      offset === 0 && filters.speaker === undefined ? this.withParticipants(this.meetingHits(q.match, filters), q, filters) : [];
    return { terms: q.terms, prefix: q.prefix, ranked, segments: segments.slice(0, limit), meetings, hasMore };
  }

  /**
   * bm25 scores every match before the first result can be shown: about 1 ms per thousand. The
   * first letters typed (`th*`) or a word said in every meeting can match hundreds of thousands of
   * segments, where a ranking would take longer than a keystroke and mean little; those are
   * listed in index order instead and `ranked` says so. Probing for the N-th match is cheap.
   */
  private tooManyToRank(match: string): boolean {
    return this.stmt(`SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? LIMIT 1 OFFSET ${RANK_LIMIT}`).get(match) !== undefined;
  }

  private segmentHits(
    match: string,
    f: SearchFilters,
    limit: number,
    offset: number,
    ranked: boolean,
    typed: { q: { terms: string[]; prefix: boolean }; aliased: boolean },
  ): SegmentHit[] {
    const fixes = this.fixes?.any() ? this.fixes : null;
    const q = segmentHitsQuery(match, f, { limit, offset, ranked }, fixes !== null);
    const run = () => this.stmt(q.sql).all(q.params) as SegmentHitRow[];
    const rows = fixes ? fixes.runWithFunction(run) : run();
    const label = this.names.snapshot();
    return rows.flatMap((r) => {
      const textParts = parseMarked(r.snip);
      let speakerParts = parseMarked(r.speaker_marked);
      let speaker = r.speaker;
      if (fixes) {
        const shown = shownHit(fixes, r, typed.q, { text: textParts, speaker: speakerParts }, typed.aliased);
        if (!shown.keep) return [];
        speaker = shown.speaker;
        speakerParts = shown.speakerMatch ?? [];
      }
      return {
        meetingId: r.meeting_id,
        serverId: r.server_id,
        serverLabel: label(r.server_id),
        meetingName: r.name,
        platform: r.platform,
        nativeMeetingId: r.native_id,
        remoteId: r.remote_id,
        meetingTime: r.meeting_time || null,
        segmentKey: r.key,
        start: r.start_s,
        absoluteStart: r.abs_start,
        speaker,
        snippet: textParts,
        speakerMatch: speakerParts.some((p) => p.match) ? speakerParts : null,
      };
    });
  }

  private meetingHits(match: string, f: SearchFilters): MeetingHit[] {
    const q = meetingHitsQuery(match, f);
    const rows = this.stmt(q.sql).all(q.params) as MeetingHitRow[];
    const label = this.names.snapshot();
    return rows.map((r) => {
      const notes = parseMarked(r.notes_snip);
      return {
        meetingId: r.id,
        serverId: r.server_id,
        serverLabel: label(r.server_id),
        platform: r.platform,
        nativeMeetingId: r.native_id,
        remoteId: r.remote_id,
        meetingTime: r.meeting_time || null,
        name: parseMarked(r.name_marked),
        notes: notes.some((p) => p.match) ? notes : null,
        participant: null,
      };
    });
  }

  /**
   * Meetings where someone searched for took part, found by name in the meetings' participant
   * lists (participantMatch.ts): marked on a meeting already found by its name or notes, else
   * added after those, up to the same number of meeting hits.
   */
  private withParticipants(hits: MeetingHit[], q: { terms: string[]; prefix: boolean }, f: SearchFilters): MeetingHit[] {
    const params: Record<string, unknown> = {};
    const rows = this.stmt(
      // The names typed into the meeting's details and those its server listed (meeting_participants).
      `SELECT m.id, m.server_id, m.platform, m.native_id, m.remote_id, m.name, m.participants, p.names AS listed,
         ${MEETING_TIME} AS meeting_time
       FROM meetings m LEFT JOIN meeting_participants p ON p.meeting_id = m.id
       WHERE (m.participants <> '[]' OR p.names IS NOT NULL) AND ${meetingWhere(f, params)} ORDER BY meeting_time DESC`,
    ).all(params) as ParticipantRow[];
    const label = this.names.snapshot();
    const byId = new Map(hits.map((h) => [h.meetingId, h]));
    const added: MeetingHit[] = [];
    for (const r of rows) {
      const names = [...new Set([...parseJsonList(r.participants), ...parseJsonList(r.listed ?? '[]')])];
      const participant = matchParticipants(names, q.terms, q.prefix);
      if (!participant) continue;
      const known = byId.get(r.id);
      if (known) {
        known.participant = participant;
        continue;
      }
      if (hits.length + added.length >= MEETING_HITS) continue;
      added.push({
        meetingId: r.id,
        serverId: r.server_id,
        serverLabel: label(r.server_id),
        platform: r.platform,
        nativeMeetingId: r.native_id,
        remoteId: r.remote_id,
        meetingTime: r.meeting_time || null,
        name: r.name ? [{ text: r.name, match: false }] : [],
        notes: null,
        participant,
      });
    }
    return [...hits, ...added];
  }
}

interface ParticipantRow {
  id: number;
  server_id: string;
  platform: string;
  native_id: string | null;
  remote_id: number;
  name: string | null;
  participants: string;
  listed: string | null;
  meeting_time: number | null;
}

function parseJsonList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
