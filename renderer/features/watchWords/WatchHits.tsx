import { useEffect, useId, useMemo, useState } from 'react';
import type { MeetingKey } from '../../app/meetingKey';
import type { CaptionView } from '../../../shared/ipc/models';
import type { SpeakerNames } from '../../../shared/transcript/speakerNames';
import { Bidi, Button } from '../../app/theme';
import { speakerName } from '../captions/describe';
import { useSettingsStore } from '../settings/store';
import { readHitStates } from './actions';
import { hitStateText, type HitState } from './describe';
import { createHitFinder } from './hits';
import './watchWords.css';

const WAITING_RECHECK_MS = 2000;

export interface WatchHitsProps {
  /** The transcript's lines in rendered order (read on every `revision`). */
  segments: readonly CaptionView[];
  revision: number;
  /** Brings the line into view and marks it. */
  onJump(key: string): void;
  /** A live meeting: each hit says whether it was notified (the core's record of this run). */
  live?: MeetingKey;
  /** The meeting's speaker corrections: each hit names its speaker as the captions do. */
  names?: SpeakerNames | null;
}

/**
 * "Watch words: 3": the lines of this meeting that said a watched word, each a button that jumps
 * to its line. Nothing shows while no word is watched.
 */
export function WatchHits({ segments, revision, onJump, live, names }: WatchHitsProps) {
  const settings = useSettingsStore((s) => s.watchWords);
  const find = useMemo(() => createHitFinder(), []);
  const hits = useMemo(() => find(segments, settings), [find, segments, settings, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const [open, setOpen] = useState(false);
  const listId = useId();
  const [states, setStates] = useState<Record<string, HitState>>({});
  const serverId = live?.serverId;
  const meetingId = live?.meetingId;
  useEffect(() => {
    if (!open || serverId === undefined || meetingId === undefined) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      void readHitStates({ serverId, meetingId }).then((next) => {
        if (!current) return;
        setStates(next);
        // Held back by the alerts' pace for a few seconds: read again once it has gone out.
        if (Object.values(next).includes('waiting')) timer = setTimeout(read, WAITING_RECHECK_MS);
      });
    read();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, serverId, meetingId, hits.length]);
  if (!settings.enabled || settings.words.length === 0) return null;
  if (hits.length === 0) {
    return (
      <p className="watch-hits muted" data-testid="watch-hits">
        Watch words: none heard yet
      </p>
    );
  }
  return (
    <div className="watch-hits" data-testid="watch-hits">
      <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Watch words: {hits.length}
      </Button>
      {open ? (
        <ul id={listId} className="watch-hit-list" aria-label="Lines that said a watch word">
          {hits.map((h) => (
            <li key={h.key}>
              <button type="button" className="watch-hit" onClick={() => onJump(h.key)}>
                <span className="watch-hit-words">{h.words.join(', ')}</span>
                <span className="watch-hit-line">
                  <Bidi className="watch-hit-speaker">{speakerName(names ? names.resolve(h).name : h.speaker)}</Bidi>: <Bidi>{h.text}</Bidi>
                </span>
                {hitStateText(states[h.key]) ? <span className="watch-hit-state muted">{hitStateText(states[h.key])}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
