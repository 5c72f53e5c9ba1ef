import { useEffect } from 'react';
import type { SearchResultView } from '../../../shared/ipc/library';
import { speakerColourIndex } from '../../../shared/transcript/turns';
import { formatDateTime } from '../../app/format';
import { Banner, Bidi, Button, EmptyState, Spinner } from '../../app/theme';
import { SearchIcon } from '../../app/theme/icons';
import { formatOffset, speakerName } from '../captions/describe';
import { runSearch } from './actions';
import { platformLabel, searchHitTitle, searchSummary } from './describe';
import { optionId, RESULTS_ID } from './SearchField';
import { ServerChip } from './ServerChip';
import { rowServerLabel } from './servers';
import { Snippet } from './Snippet';
import { useLibraryStore } from './store';

type SegmentHit = SearchResultView['segments'][number];
type MeetingHit = SearchResultView['meetings'][number];

export type SearchHit = { kind: 'meeting'; hit: MeetingHit } | { kind: 'segment'; hit: SegmentHit };

/** The result at a flat index: meeting hits first, then transcript hits (the keyboard's order). */
export function hitAt(result: SearchResultView | null, index: number): SearchHit | null {
  if (!result || index < 0) return null;
  const meeting = result.meetings[index];
  if (meeting) return { kind: 'meeting', hit: meeting };
  const segment = result.segments[index - result.meetings.length];
  return segment ? { kind: 'segment', hit: segment } : null;
}

function where(platform: string, at: number | null): string {
  return [platformLabel(platform), at ? formatDateTime(at) : null].filter(Boolean).join(' · ');
}

function MeetingOption({ hit, index, active, onOpen }: { hit: MeetingHit; index: number; active: boolean; onOpen(index: number): void }) {
  return (
    <li
      id={optionId(index)}
      role="option"
      aria-selected={active}
      className="search-hit"
      data-active={active || undefined}
      onClick={() => onOpen(index)}
    >
      <div className="search-hit-head">
        {hit.name.some((part) => part.text.trim()) ? (
          <Snippet className="search-hit-title" parts={hit.name} />
        ) : (
          <Bidi className="search-hit-title">{searchHitTitle({ ...hit, meetingName: null })}</Bidi>
        )}
        <ServerChip serverId={hit.serverId} label={rowServerLabel(hit)} />
        <span className="search-hit-where muted">{where(hit.platform, hit.meetingTime)}</span>
      </div>
      {hit.participant ? (
        <div className="search-hit-text">
          Took part: <Snippet parts={hit.participant} />
        </div>
      ) : null}
      {hit.notes ? <Snippet className="search-hit-text" parts={hit.notes} /> : null}
    </li>
  );
}

function SegmentOption({ hit, index, active, onOpen }: { hit: SegmentHit; index: number; active: boolean; onOpen(index: number): void }) {
  return (
    <li
      id={optionId(index)}
      role="option"
      aria-selected={active}
      className="search-hit"
      data-active={active || undefined}
      data-segment-key={hit.segmentKey}
      onClick={() => onOpen(index)}
    >
      <div className="search-hit-head">
        <Bidi className="search-hit-meeting">{searchHitTitle(hit)}</Bidi>
        <ServerChip serverId={hit.serverId} label={rowServerLabel(hit)} />
        <span className="search-hit-where muted">{where(hit.platform, hit.meetingTime)}</span>
      </div>
      <div className="search-hit-line">
        <span className="search-hit-speaker" data-colour={speakerColourIndex(hit.speaker)}>
          {hit.speakerMatch ? <Snippet parts={hit.speakerMatch} /> : <Bidi>{speakerName(hit.speaker)}</Bidi>}
        </span>
        <span className="search-hit-time muted">{formatOffset(hit.start * 1000)}</span>
      </div>
      <Snippet className="search-hit-text" parts={hit.snippet} />
    </li>
  );
}

/** Results grouped as meeting names and notes, then transcript lines with their speaker and time. */
export function SearchResults({ filtered, onOpen }: { filtered: boolean; onOpen(index: number): void }) {
  const search = useLibraryStore((s) => s.search);
  const { result, active } = search;

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  if (search.error)
    return (
      <Banner tone="error" title="Search failed">
        {search.error}
      </Banner>
    );
  if (!result) {
    return (
      <div className="search-empty">
        <Spinner label="Searching…" />
      </div>
    );
  }
  const total = result.meetings.length + result.segments.length;
  if (total === 0) {
    return (
      <EmptyState icon={<SearchIcon size={22} />} title={`No matches for “${search.answered.trim()}”`}>
        {filtered ? 'Filters are on: clear them to search every meeting. ' : ''}
        Try fewer words, the start of a word, or another spelling.
      </EmptyState>
    );
  }

  const summary = searchSummary(result);
  return (
    <div className="search-results">
      <div className="search-summary muted" role="status">
        {summary.count}
        {summary.hint ? <span className="search-hint"> — {summary.hint}</span> : null}
      </div>
      <div id={RESULTS_ID} role="listbox" aria-label="Search results" className="search-listbox">
        {result.meetings.length > 0 ? (
          <ul role="group" aria-label="Meeting names and notes" className="search-group">
            <li role="presentation" className="search-group-title">
              Meetings
            </li>
            {result.meetings.map((hit, i) => (
              <MeetingOption key={`m:${hit.meetingId}`} hit={hit} index={i} active={active === i} onOpen={onOpen} />
            ))}
          </ul>
        ) : null}
        {result.segments.length > 0 ? (
          <ul role="group" aria-label="Transcript lines" className="search-group">
            <li role="presentation" className="search-group-title">
              In transcripts
            </li>
            {result.segments.map((hit, i) => {
              const index = result.meetings.length + i;
              return (
                <SegmentOption
                  key={`s:${hit.meetingId}:${hit.segmentKey}`}
                  hit={hit}
                  index={index}
                  active={active === index}
                  onOpen={onOpen}
                />
              );
            })}
          </ul>
        ) : null}
      </div>
      {result.hasMore ? (
        <div className="search-more">
          <Button size="sm" busy={search.loadingMore} onClick={() => void runSearch({ more: true })}>
            Show more results
          </Button>
        </div>
      ) : null}
    </div>
  );
}
