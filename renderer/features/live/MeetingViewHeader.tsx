import { useId, useState } from 'react';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { useNow } from '../../app/clock';
import type { MeetingKey } from '../../app/meetingKey';
import { Badge, Bidi, Button, InlineError, Segmented } from '../../app/theme';
import { BackIcon, InfoIcon, OverlayIcon, SearchIcon } from '../../app/theme/icons';
import { shortcutModifier } from '../../app/Sidebar';
import { meetingChip } from '../bots/describe';
import { refFromTracked } from '../export/describe';
import { MeetingActions } from '../export/MeetingActions';
import { rejectedFramesText, type TimeFormat } from '../captions/describe';
import type { MeetingCaptions } from '../captions/store';
import { CaptionDelayIndicator } from '../captionDelay/CaptionDelayIndicator';
import { ServerChip } from '../servers/ServerChip';
import { openOverlay, reconnectLive, showAllLiveMeetings } from './actions';
import { liveIndicator } from './describe';
import { useLiveStore } from './store';

/**
 * The live connection of the meeting's server where the captions are read, once it is not simply
 * live (the top bar says that): reconnecting in N s, offline or refused, with a way to retry now.
 */
function ConnectionStatus({ serverId }: { serverId: string }) {
  const state = useLiveStore((s) => s.states[serverId] ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const ticking = state?.status === 'reconnecting' || state?.status === 'offline';
  const now = useNow(ticking);
  const view = liveIndicator(state, now);
  if (!view || state?.status === 'connected' || state?.status === 'connecting') return null;
  return (
    <div className="captions-connection" role="status" aria-label={`Live updates: ${view.label}`} title={view.detail}>
      <Badge tone={view.tone} dot>
        {view.label}
      </Badge>
      {ticking ? (
        <Button size="sm" variant="ghost" onClick={() => void reconnectLive(serverId).then(setFailure)}>
          Reconnect now
        </Button>
      ) : null}
      {failure ? <InlineError>{failure}</InlineError> : null}
    </div>
  );
}

function TimeToggle() {
  const format = useLiveStore((s) => s.timeFormat);
  const setFormat = useLiveStore((s) => s.setTimeFormat);
  const name = useId();
  const options: Array<{ value: TimeFormat; label: string; help: string }> = [
    { value: 'relative', label: 'Meeting time', help: 'Minutes and seconds from the start of the meeting' },
    { value: 'clock', label: 'Clock time', help: 'The time of day on this computer' },
  ];
  return (
    <fieldset className="captions-time-toggle">
      <legend className="sr-only">Times</legend>
      <Segmented options={options} value={format} onChange={setFormat} name={name} />
    </fieldset>
  );
}

/** Integrity numbers, out of the way: nothing here is an error the person must act on. */
function CaptionDetails({ entry }: { entry: MeetingCaptions | undefined }) {
  const id = useId();
  const announce = useLiveStore((s) => s.announceCaptions);
  const setAnnounce = useLiveStore((s) => s.setAnnounceCaptions);
  const lines = (entry?.index.size ?? 0) + (entry?.earlier ?? 0);
  const drafts = entry?.index.draftCount ?? 0;
  const rejected = entry?.rejectedFrames ?? 0;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        icon={<InfoIcon />}
        popoverTarget={id}
        aria-label="Caption details"
        data-attention={rejected > 0 || (entry?.gaps.length ?? 0) > 0 || undefined}
      >
        Details
      </Button>
      <div id={id} popover="auto" className="captions-details" role="dialog" aria-label="Caption details">
        <dl className="definition-list">
          <dt>Caption lines</dt>
          <dd>
            {lines}
            {drafts ? ` (${drafts} still being transcribed)` : ''}
          </dd>
          <dt>Updates the app could not read</dt>
          <dd data-testid="rejected-frames" data-count={rejected}>
            {rejectedFramesText(rejected)}
          </dd>
          <dt>Parts of the captions still missing</dt>
          <dd>{entry?.gaps.length ? `${entry.gaps.length}, marked in the captions` : 'None'}</dd>
        </dl>
        <label className="captions-details-option">
          <input type="checkbox" checked={announce} onChange={(e) => setAnnounce(e.target.checked)} />
          <span>Read new captions aloud with a screen reader (a few seconds apart)</span>
        </label>
      </div>
    </>
  );
}

export interface MeetingViewHeaderProps {
  which: MeetingKey;
  meeting: TrackedMeetingView | null;
  entry: MeetingCaptions | undefined;
  onFind(): void;
}

export function MeetingViewHeader({ which, meeting, entry, onFind }: MeetingViewHeaderProps) {
  const { serverId, meetingId } = which;
  const [overlayError, setOverlayError] = useState<string | null>(null);
  const chip = meeting ? meetingChip(meeting) : null;
  const name = meeting?.name ?? `Meeting ${meetingId}`;
  return (
    <header className="captions-header">
      <div className="captions-header-row">
        <Button size="sm" variant="ghost" icon={<BackIcon />} onClick={showAllLiveMeetings}>
          All live meetings
        </Button>
        <div className="spacer" />
        <ConnectionStatus serverId={serverId} />
      </div>
      <div className="captions-header-row">
        <h2 className="captions-title break">
          <Bidi>{name}</Bidi>
          <ServerChip serverId={serverId} />
        </h2>
        {chip ? (
          <Badge tone={chip.tone} dot={meeting?.status === 'active'}>
            {chip.label}
          </Badge>
        ) : null}
        <CaptionDelayIndicator serverId={serverId} meetingId={meetingId} active={meeting?.status === 'active'} />
        <div className="spacer" />
        <div className="captions-actions">
          <Button
            size="sm"
            icon={<SearchIcon />}
            onClick={onFind}
            aria-keyshortcuts="Control+F Meta+F"
            title={`Find in captions (${shortcutModifier}F)`}
          >
            Find
          </Button>
          <TimeToggle />
          <Button
            size="sm"
            icon={<OverlayIcon />}
            onClick={() => void openOverlay({ serverId, id: meetingId, name }).then(setOverlayError)}
            title="A compact view of the latest lines that stays on top"
          >
            Overlay
          </Button>
          <CaptionDetails entry={entry} />
          {meeting ? <MeetingActions meetingRef={refFromTracked(meeting)} title={name} shortcut /> : null}
        </div>
      </div>
      {overlayError ? <InlineError>{overlayError}</InlineError> : null}
    </header>
  );
}
