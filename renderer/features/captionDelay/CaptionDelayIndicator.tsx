import { useEffect } from 'react';
import { Badge, Tooltip } from '../../app/theme';
import { api } from '../../platform/api';
import { delayExplanation, delaySummary, LATE_HINT, MEASURING } from './describe';
import { selectFigures, useCaptionDelayStore } from './store';
import './captionDelay.css';

/**
 * How late a live meeting's captions are: the median and 95th percentile of the newest lines, with
 * a hint when far above normal. The core reports at most twice a second; the numbers are not a live
 * region (a screen reader would hear them twice a second), the hint is, once it appears.
 */
export function CaptionDelayIndicator({ serverId, meetingId, active }: { serverId: string; meetingId: number; active: boolean }) {
  const v = useCaptionDelayStore(selectFigures(serverId, meetingId));
  useEffect(() => {
    let live = true;
    void api.invoke('live:captionDelay', { serverId, meetingId }).then((r) => {
      if (live && r.ok && r.value) useCaptionDelayStore.getState().set(serverId, meetingId, r.value);
    });
    return () => {
      live = false;
    };
  }, [serverId, meetingId]);

  if (!v) return active ? <span className="caption-delay muted">{MEASURING}</span> : null;
  return (
    <span className="caption-delay" data-testid="caption-delay" data-late={v.late || undefined}>
      <Tooltip text={delayExplanation(v)} placement="bottom-end">
        <span className="caption-delay-figures" role="group" aria-label="Caption delay" tabIndex={0}>
          <Badge tone={v.late ? 'warn' : 'neutral'}>{delaySummary(v)}</Badge>
        </span>
      </Tooltip>
      <span role="status" className="caption-delay-hint">
        {v.late ? LATE_HINT : ''}
      </span>
    </span>
  );
}
