import { useState } from 'react';
import { zoneLabel } from '../../../shared/planning/when';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import { Banner, Segmented, TextField } from '../../app/theme';
import { schedulingUnavailable, SERVER_TIMING } from './describe';
import { usePlanningStore, type When } from './store';
import './planning.css';

/**
 * Launch's "Now or later": later asks for the date and the time (the browser's own keyboard-usable
 * fields, in the person's time zone, shown beside them) and an optional title.
 */
export function WhenFields({ generation }: { generation: ServerGeneration | null }) {
  const when = usePlanningStore((s) => s.when);
  const date = usePlanningStore((s) => s.date);
  const time = usePlanningStore((s) => s.time);
  const title = usePlanningStore((s) => s.title);
  const error = usePlanningStore((s) => s.whenError);
  const unavailable = schedulingUnavailable(generation, 'plans');
  // The offset of the day chosen (it changes with daylight saving), else of today.
  const [today] = useState(() => Date.now());
  const zone = zoneLabel(/^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00`).getTime() : today);
  const set = usePlanningStore.getState().setFields;
  return (
    <fieldset className="when-fields">
      <legend>When</legend>
      <Segmented<When>
        name="when"
        value={when}
        onChange={(v) => usePlanningStore.getState().setWhen(v)}
        options={[
          { value: 'now', label: 'Now' },
          { value: 'later', label: 'Later' },
        ]}
      />
      {when === 'later' && unavailable ? (
        <Banner tone="info" title="Scheduling is not available on this server">
          {unavailable}
        </Banner>
      ) : null}
      {when === 'later' && !unavailable ? (
        <div className="when-later">
          <div className="when-row">
            <TextField
              label="Date"
              type="date"
              value={date}
              onChange={(e) => set({ date: e.target.value })}
              error={error?.field === 'date' ? error.message : null}
              required
            />
            <TextField
              label="Time"
              type="time"
              value={time}
              onChange={(e) => set({ time: e.target.value })}
              error={error?.field === 'time' ? error.message : null}
              required
            />
          </div>
          <p className="muted when-zone">Times are in your time zone: {zone}.</p>
          <TextField label="Title (optional)" value={title} maxLength={512} onChange={(e) => set({ title: e.target.value })} />
          <p className="muted">{SERVER_TIMING}</p>
        </div>
      ) : null}
    </fieldset>
  );
}
