import { useEffect, useState } from 'react';
import type { CaptionDelayView } from '../../../shared/ipc/captionDelay';
import { api } from '../../platform/api';
import { delayExplanation, keptSummary, LATE_HINT } from './describe';
import './captionDelay.css';

/** The caption delay kept with a library meeting (`id`: the library's id); null when it was not followed live. */
export function useKeptCaptionDelay(id: number, revision?: unknown): CaptionDelayView | null {
  const [view, setView] = useState<CaptionDelayView | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('meetings:captionDelay', { id }).then((r) => {
      if (live) setView(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [id, revision]);
  return view;
}

/** How late the captions were while the meeting was followed live; nothing for a meeting that was not. */
export function CaptionDelayDetails({ meetingId, revision }: { meetingId: number; revision?: unknown }) {
  const v = useKeptCaptionDelay(meetingId, revision);
  if (!v) return null;
  return (
    <div className="detail-field" data-testid="kept-caption-delay">
      <div className="detail-field-head">
        <h3 className="detail-label">Caption delay</h3>
      </div>
      <p className="caption-delay-kept">{keptSummary(v)}</p>
      <p className="muted caption-delay-kept-note">{delayExplanation(v)}</p>
      {v.late ? <p className="caption-delay-hint">{LATE_HINT}</p> : null}
    </div>
  );
}
