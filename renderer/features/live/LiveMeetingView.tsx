import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { meetingKey, type MeetingKey } from '../../app/meetingKey';
import { Banner, Button, Spinner } from '../../app/theme';
import { JumpDownIcon, RefreshIcon } from '../../app/theme/icons';
import { isFinished } from '../bots/describe';
import { useBotsStore } from '../bots/store';
import { ensureCaptions, openCaptions } from '../captions/actions';
import { CaptionList, type CaptionListHandle } from '../captions/CaptionList';
import { emptyCaptionsText, meetingOrigin, zeroCaptionsWarning } from '../captions/describe';
import { SearchBar } from '../captions/SearchBar';
import { useCaptionsStore } from '../captions/store';
import { buildTimeline } from '../captions/timeline';
import { useCaptionAnnouncements } from '../captions/useCaptionAnnouncements';
import { useCaptionSearch } from '../captions/useCaptionSearch';
import { BotControls } from './BotControls';
import { HealthNotice } from '../meetingInfo/HealthNotice';
import { MeetingViewHeader } from './MeetingViewHeader';
import { useLiveStore } from './store';
import { useMarkedLine } from '../watchWords/useMarkedLine';
import { WatchHits } from '../watchWords/WatchHits';
import { useSpeakerContext, useSpeakerLabels } from '../speakers/useSpeakerNames';
import { SpeakerDialogHost } from '../speakers/SpeakerDialogHost';
import '../captions/captions.css';

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The newest language the captions were transcribed in, from the last few lines. */
function heardLanguage(segments: readonly { language: string | null }[]): string | null {
  for (let i = segments.length - 1; i >= Math.max(0, segments.length - 20); i--) {
    const language = segments[i]?.language;
    if (language) return language;
  }
  return null;
}

/**
 * One meeting's live captions: a snapshot from `live:open`, then the deltas the core pushes.
 * Keyboard: Ctrl/⌘+F finds, End jumps to the newest caption, the list scrolls with the arrows.
 */
export function LiveMeetingView({ meeting: which }: { meeting: MeetingKey }) {
  const { serverId, meetingId } = which;
  const meeting = useBotsStore((s) => s.meetings.find((m) => m.serverId === serverId && m.id === meetingId) ?? null);
  const entry = useCaptionsStore((s) => s.meetings[meetingKey(serverId, meetingId)]);
  const timeFormat = useLiveStore((s) => s.timeFormat);
  const announceOn = useLiveStore((s) => s.announceCaptions);
  const [following, setFollowing] = useState(true);
  const listRef = useRef<CaptionListHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => ensureCaptions({ serverId, meetingId }), [serverId, meetingId]);

  const turns = entry?.turns;
  const gaps = entry?.gaps;
  const revision = entry?.revision ?? 0;
  const timeline = useMemo(() => buildTimeline(turns ?? [], gaps ?? []), [turns, gaps]);
  const first = entry?.index.segments[0];
  const origin = meetingOrigin(first);
  const language = useMemo(() => heardLanguage(entry?.index.segments ?? []), [entry?.index, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const search = useCaptionSearch(
    entry?.index,
    revision,
    (match) => {
      if (!entry) return;
      listRef.current?.scrollToRow(timeline.rowOfTurn(entry.index.turnOfSegment(match.segmentIndex)));
    },
    meeting && isFinished(meeting.status) ? 'first' : 'latest',
  );
  const announcement = useCaptionAnnouncements(serverId, meetingId, announceOn);
  const watched = useMarkedLine(which, entry?.index, timeline, listRef);

  const find = useCallback(() => {
    search.show();
    searchInput.current?.focus();
    searchInput.current?.select();
  }, [search]);

  useEffect(() => {
    if (search.open) searchInput.current?.focus();
  }, [search.open]);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      find();
    } else if (event.key === 'End' && !mod && !isEditable(event.target)) {
      event.preventDefault();
      listRef.current?.jumpToLive();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const speakerLabels = useSpeakerLabels(entry?.turns);
  const speakers = useSpeakerContext(serverId, meetingId, speakerLabels);
  const zeroWarning = entry?.status === 'ready' ? zeroCaptionsWarning(meeting?.status ?? null, entry.index.size) : null;
  const name = meeting?.name ?? `Meeting ${meetingId}`;

  let body;
  if (!entry || (entry.status === 'loading' && entry.index.size === 0)) {
    body = (
      <div className="captions-placeholder">
        <Spinner label="Loading captions…" />
      </div>
    );
  } else if (entry.status === 'error') {
    body = (
      <Banner
        tone="warn"
        title="Captions could not be loaded"
        actions={
          <Button size="sm" icon={<RefreshIcon />} onClick={() => void openCaptions({ serverId, meetingId })}>
            Try again
          </Button>
        }
      >
        {entry.error}
      </Banner>
    );
  } else if (timeline.count === 0) {
    body = zeroWarning ? null : (
      <p className="captions-placeholder muted">{emptyCaptionsText(meeting?.status ?? null, meeting?.outcome ?? null)}</p>
    );
  } else {
    body = (
      <CaptionList
        ref={listRef}
        label={`Captions of ${name}`}
        timeline={timeline}
        following={following}
        onFollowingChange={setFollowing}
        timeFormat={timeFormat}
        origin={origin}
        marks={search.marks}
        currentMatch={search.current}
        marked={watched.marked}
        speakers={speakers}
      />
    );
  }

  return (
    <div className="captions-view screen-fill" data-meeting-id={meetingId} data-server-id={serverId}>
      <SpeakerDialogHost serverId={serverId} meetingId={meetingId} />
      <MeetingViewHeader which={which} meeting={meeting} entry={entry} onFind={find} />
      {meeting ? <BotControls meeting={meeting} heardLanguage={language} /> : null}
      {meeting ? <HealthNotice meeting={meeting} /> : null}
      {entry ? (
        <WatchHits segments={entry.index.segments} revision={revision} onJump={watched.jump} live={which} names={speakers?.names} />
      ) : null}
      {zeroWarning ? (
        <Banner tone="warn" title="No captions">
          {zeroWarning}
        </Banner>
      ) : null}
      {entry?.status === 'ready' && entry.error ? (
        <p className="captions-note muted">Could not refresh the captions: {entry.error}</p>
      ) : null}
      {search.open ? <SearchBar search={search} inputRef={searchInput} /> : null}
      <div className="captions-body">
        {body}
        {!following && timeline.count > 0 ? (
          <Button
            className="jump-to-live"
            variant="primary"
            size="sm"
            icon={<JumpDownIcon />}
            aria-keyshortcuts="End"
            onClick={() => listRef.current?.jumpToLive()}
          >
            Jump to live
          </Button>
        ) : null}
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="caption-announcer">
        <span key={announcement.seq}>{announcement.text}</span>
      </div>
    </div>
  );
}
