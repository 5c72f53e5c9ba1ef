import { useId } from 'react';
import { Bidi, Segmented, TextField } from '../../app/theme';
import type { ExportForm, RangeField } from './describe';
import { EXPORT_FORMAT_CHOICES, SUBTITLE_FORMATS, type ExportFormat } from './formats';

export interface FieldProps {
  form: ExportForm;
  onChange(patch: Partial<ExportForm>): void;
}

/** Seven formats as radio cards: arrow keys move between them, as in any radio group. */
export function FormatPicker({ form, onChange }: FieldProps) {
  const name = useId();
  return (
    <fieldset className="format-list">
      <legend className="export-legend">Format</legend>
      {EXPORT_FORMAT_CHOICES.map((f) => {
        const checked = form.format === f.id;
        return (
          <label key={f.id} className="format-choice radio-card" data-checked={checked}>
            <input
              type="radio"
              name={name}
              value={f.id}
              checked={checked}
              data-autofocus={checked || undefined}
              aria-labelledby={`${name}-${f.id}-label`}
              aria-describedby={`${name}-${f.id}`}
              onChange={() => onChange({ format: f.id as ExportFormat })}
            />
            <span className="format-choice-head">
              <span id={`${name}-${f.id}-label`} className="format-choice-label">
                {f.label}
              </span>
              <span className="format-choice-ext mono">.{f.extension}</span>
            </span>
            <span id={`${name}-${f.id}`} className="format-choice-description">
              {f.description}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

function TimesChoice({ form, onChange }: FieldProps) {
  const name = useId();
  const subtitles = SUBTITLE_FORMATS.has(form.format);
  const options = [
    { value: 'wall-clock', label: 'Clock time', help: 'The time of day, in this computer’s time zone' },
    { value: 'relative', label: 'Meeting time', help: 'Minutes and seconds from the start of the meeting' },
  ] as const;
  return (
    <fieldset className="export-times" disabled={subtitles}>
      <legend className="export-legend">Times</legend>
      <Segmented
        options={options}
        value={subtitles ? 'relative' : form.timestamps}
        onChange={(timestamps) => onChange({ timestamps })}
        name={name}
      />
      <p className="export-help">
        {subtitles ? 'Subtitles always count from the start of the meeting.' : options.find((o) => o.value === form.timestamps)?.help}
      </p>
    </fieldset>
  );
}

function Switches({ form, onChange, hasChat }: FieldProps & { hasChat: boolean }) {
  const id = useId();
  return (
    <div className="export-switches">
      <label className="choice">
        <input type="checkbox" checked={form.speakers} onChange={(e) => onChange({ speakers: e.target.checked })} />
        <span>Speaker names</span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={form.includeDrafts}
          aria-describedby={`${id}-drafts`}
          onChange={(e) => onChange({ includeDrafts: e.target.checked })}
        />
        <span>
          Include lines still being transcribed
          <span id={`${id}-drafts`} className="export-help">
            Off: only confirmed lines. During a live meeting, the newest lines are drafts that may still change.
          </span>
        </span>
      </label>
      {hasChat ? (
        <label className="choice">
          <input type="checkbox" checked={form.includeChat !== false} onChange={(e) => onChange({ includeChat: e.target.checked })} />
          <span>Include chat messages</span>
        </label>
      ) : null}
    </div>
  );
}

function TimeRange({ form, onChange, error }: FieldProps & { error: { field: RangeField; message: string } | null }) {
  return (
    <fieldset className="export-range">
      <legend className="export-legend">Part of the meeting</legend>
      <div className="export-range-fields">
        <TextField
          label="From"
          placeholder="00:00"
          inputMode="numeric"
          autoComplete="off"
          value={form.from}
          onChange={(e) => onChange({ from: e.target.value })}
          error={error?.field === 'from' ? error.message : null}
        />
        <TextField
          label="To"
          placeholder="end"
          inputMode="numeric"
          autoComplete="off"
          value={form.to}
          onChange={(e) => onChange({ to: e.target.value })}
          error={error?.field === 'to' ? error.message : null}
        />
      </div>
      <p className="export-help">Minutes and seconds from the start (mm:ss). Leave both empty for the whole meeting.</p>
    </fieldset>
  );
}

/** One checkbox per speaker; all ticked means no filter. */
function SpeakerFilter({ form, onChange, speakers }: FieldProps & { speakers: string[] }) {
  if (speakers.length < 2) return null;
  const kept = form.speakerFilter ?? speakers;
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...kept, name] : kept.filter((s) => s !== name);
    onChange({ speakerFilter: next.length === speakers.length ? null : next });
  };
  return (
    <fieldset className="export-speakers">
      <legend className="export-legend">Speakers</legend>
      {speakers.map((name) => (
        <label key={name} className="choice">
          <input type="checkbox" checked={kept.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
          <Bidi>{name}</Bidi>
        </label>
      ))}
      {kept.length === 0 ? <p className="export-help">Tick at least one speaker.</p> : null}
    </fieldset>
  );
}

export function ExportOptionsFields(
  props: FieldProps & { rangeError: { field: RangeField; message: string } | null; speakers: string[]; hasChat?: boolean },
) {
  return (
    <div className="export-options">
      <TimesChoice {...props} />
      <Switches {...props} hasChat={props.hasChat === true} />
      <SpeakerFilter {...props} />
      <TimeRange {...props} error={props.rangeError} />
    </div>
  );
}
