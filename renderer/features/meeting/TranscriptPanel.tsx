import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import { TERMINAL_STATUSES } from '../../../shared/meetings/outcome';
import { Button, Spinner } from '../../app/theme';
import { SearchIcon } from '../../app/theme/icons';
import { shortcutModifier } from '../../app/Sidebar';
import { CaptionIndex } from '../captions/captionIndex';
import { CaptionList, type CaptionListHandle } from '../captions/CaptionList';
import { meetingOrigin } from '../captions/describe';
import { SearchBar } from '../captions/SearchBar';
import { buildTimeline } from '../captions/timeline';
import { useCaptionSearch } from '../captions/useCaptionSearch';
import { transcriptProgressText } from '../library/describe';
import { useLibraryStore } from '../library/store';
import { usePlayback } from '../recordings/usePlayback';
import { transcriptPlaceholder } from './describe';
import { segmentsToCaptions, termMarks } from './highlight';
import type { MeetingFocus } from './store';
import type { Reachability } from './useReachability';
import { WatchHits } from '../watchWords/WatchHits';
import { useSpeakerContext, useSpeakerLabels } from '../speakers/useSpeakerNames';
import { SpeakerDialogHost } from '../speakers/SpeakerDialogHost';
import '../captions/captions.css';

const noop = () => undefined;

function Placeholder({ detail, reach }: { detail: MeetingDetailView; reach: Reachability }) {
  const progress = useLibraryStore((s) => {
    const p = s.sync[detail.meeting.serverId]?.transcripts;
    return p ? transcriptProgressText(p) : null;
  });
  const view = transcriptPlaceholder(detail.meeting, reach);
  return (
    <div className="transcript-placeholder" data-testid="transcript-placeholder">
      <h3>{view.title}</h3>
      <p className="muted">{view.body}</p>
      {view.busy ? <Spinner label={progress ?? 'Downloading…'} /> : progress ? <p className="muted">{progress}</p> : null}
    </div>
  );
}

/**
 * The transcript from the cache, drawn by the live view's list (speaker turns, the same colours).
 * Opened from a search hit, it scrolls to that line with the search words marked; Ctrl/⌘+F
 * finds within it.
 */
export function TranscriptPanel({
  detail,
  focus,
  focusSeq,
  reach,
}: {
  detail: MeetingDetailView;
  focus: MeetingFocus | null;
  focusSeq: number;
  reach: Reachability;
}) {
  const { meeting, segments } = detail;
  const listRef = useRef<CaptionListHandle>(null);
  const findInput = useRef<HTMLInputElement>(null);

  const captions = useMemo(() => segmentsToCaptions(segments, meeting), [segments, meeting]);
  const index = useMemo(() => {
    const i = new CaptionIndex();
    i.reset(captions);
    return i;
  }, [captions]);
  const timeline = useMemo(() => buildTimeline(index.turns, []), [index]);
  const speakerLabels = useSpeakerLabels(index.turns);
  const speakerContext = useSpeakerContext(meeting.serverId, meeting.remoteId, speakerLabels);
  const origin = meetingOrigin(index.segments[0]);
  const terms = useMemo(() => termMarks(index.segments, focus?.terms ?? [], focus?.prefix ?? false), [index, focus]);

  const rowOfKey = useCallback(
    (key: string): number | null => {
      const at = index.segments.findIndex((s) => s.key === key);
      return at < 0 ? null : timeline.rowOfTurn(index.turnOfSegment(at));
    },
    [index, timeline],
  );

  const find = useCaptionSearch(
    index,
    captions.length,
    (match) => {
      listRef.current?.scrollToRow(timeline.rowOfTurn(index.turnOfSegment(match.segmentIndex)));
    },
    TERMINAL_STATUSES.has(meeting.status) ? 'first' : 'latest',
  );

  // Scroll to the search hit once per open, as soon as its line is in the cache; and again when the
  // whole transcript replaces the lines around it that came first.
  const whole = !detail.window;
  const scrolledFor = useRef<{ seq: number; whole: boolean } | null>(null);
  useLayoutEffect(() => {
    const done = scrolledFor.current;
    if (!focus?.segmentKey || (done?.seq === focusSeq && done.whole === whole)) return;
    const row = rowOfKey(focus.segmentKey);
    if (row === null) return;
    // The whole transcript's list is new: brought near the hit before its first frame paints, then
    // onto it once its rows are measured, as on a first open.
    if (done?.seq === focusSeq) listRef.current?.scrollToRow(row);
    // Counted as done only once the scroll ran: a render before the frame (the meeting refreshed)
    // cancels it, and the next run schedules it again.
    const frame = requestAnimationFrame(() => {
      listRef.current?.scrollToRow(row);
      scrolledFor.current = { seq: focusSeq, whole };
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, focusSeq, rowOfKey, whole]);

  const openFind = useCallback(() => {
    find.show();
    requestAnimationFrame(() => {
      findInput.current?.focus();
      findInput.current?.select();
    });
  }, [find]);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      openFind();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // The recording's line: highlighted, and followed unless the person scrolled away.
  const playback = usePlayback(meeting.id, index.segments);
  useEffect(() => {
    if (!playback.playing || !playback.follow) return;
    const row = rowOfKey(playback.playing);
    if (row !== null) listRef.current?.scrollToRow(row);
  }, [playback.playing, playback.follow, rowOfKey]);

  // A watch-word line picked from the list: brought into view and marked.
  const [marked, setMarked] = useState<string | null>(null);
  const showLine = (key: string) => {
    setMarked(key);
    const row = rowOfKey(key);
    if (row !== null) listRef.current?.scrollToRow(row);
  };

  const marks = find.open ? find.marks : terms.marks.size > 0 ? terms.marks : null;
  const current = find.open ? find.current : focus?.segmentKey ? (terms.firstOfKey.get(focus.segmentKey) ?? -1) : -1;
  const names = speakerContext?.names;
  const speakers = useMemo(
    () =>
      new Set(
        index.turns.map((t) => (names ? names.resolve({ speaker: t.speaker, absoluteStart: t.absoluteStart }).name : t.speaker) ?? ''),
      ).size,
    [index, names],
  );
  const lines = captions.length + (detail.window ? detail.window.before + detail.window.after : 0);
  const partial = meeting.transcript === 'partial' && meeting.status !== 'active';

  return (
    <section className="transcript-panel" aria-label="Transcript">
      <div className="transcript-head">
        <h3>Transcript</h3>
        {captions.length > 0 ? (
          <span className="muted transcript-count">
            {lines.toLocaleString()} {lines === 1 ? 'line' : 'lines'}
            {whole ? ` · ${speakers} ${speakers === 1 ? 'speaker' : 'speakers'}` : null}
          </span>
        ) : null}
        <div className="spacer" />
        {playback.playing && !playback.follow ? (
          <Button size="sm" variant="ghost" className="follow-playback" onClick={playback.resumeFollowing}>
            Follow playback
          </Button>
        ) : null}
        {captions.length > 0 ? (
          <Button
            size="sm"
            variant="ghost"
            icon={<SearchIcon />}
            aria-keyshortcuts="Control+F Meta+F"
            onClick={openFind}
            title={`${shortcutModifier}F`}
          >
            Find
          </Button>
        ) : null}
      </div>
      {partial ? (
        <p className="transcript-note muted">
          {reach.reachable
            ? 'Part of the transcript is on this computer; the rest is being downloaded.'
            : 'Only part of the transcript is on this computer; the rest downloads when the server can be reached.'}
        </p>
      ) : null}
      {find.open ? <SearchBar search={find} inputRef={findInput} /> : null}
      {captions.length > 0 ? (
        <WatchHits segments={index.segments} revision={captions.length} onJump={showLine} names={speakerContext?.names} />
      ) : null}
      {captions.length === 0 ? (
        <Placeholder detail={detail} reach={reach} />
      ) : (
        <div className="transcript-body">
          <SpeakerDialogHost serverId={meeting.serverId} meetingId={meeting.remoteId} />
          <CaptionList
            // A list of its own for the whole transcript: the one sized for the lines around a hit
            // is not resized in place (its scroll area kept the window's height).
            key={whole ? 'whole' : 'around'}
            ref={listRef}
            label={`Transcript of ${meeting.name ?? 'the meeting'}`}
            timeline={timeline}
            following={false}
            onFollowingChange={noop}
            timeFormat="relative"
            origin={origin}
            marks={marks}
            currentMatch={current}
            playing={playback.playing}
            marked={marked}
            initialRow={focus?.segmentKey ? rowOfKey(focus.segmentKey) : null}
            {...(playback.playable ? { onLineActivate: playback.activate, onUserScroll: playback.stopFollowing } : {})}
            speakers={speakerContext}
          />
        </div>
      )}
    </section>
  );
}
