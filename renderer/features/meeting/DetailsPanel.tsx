import { useId, useState, type ReactNode } from 'react';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import { Button } from '../../app/theme';
import { shortcutModifier } from '../../app/Sidebar';
import { saveEdit } from './actions';
import { CaptionDelayDetails } from '../captionDelay/CaptionDelayDetails';
import { ChipsEditor } from './ChipsEditor';
import { checkLanguage, DETAILS_KEPT_HERE, detailsKeptHere, FIELD_LABELS, type EditableField } from './describe';
import { EditState } from './EditState';
import type { Reachability } from './useReachability';

type Edits = MeetingDetailView['edits'];

function Field({
  field,
  labelFor,
  edits,
  reach,
  children,
}: {
  field: EditableField;
  labelFor?: string;
  edits: Edits;
  reach: Reachability;
  children: ReactNode;
}) {
  return (
    <div className="detail-field">
      <div className="detail-field-head">
        {labelFor ? (
          <label className="detail-label" htmlFor={labelFor}>
            {FIELD_LABELS[field]}
          </label>
        ) : (
          <h3 className="detail-label">{FIELD_LABELS[field]}</h3>
        )}
      </div>
      {children}
      <EditState field={field} edits={edits} reach={reach} />
    </div>
  );
}

/**
 * Notes kept as a draft while typed: Save (or Ctrl/⌘+Enter) sends them, Discard (or Escape) puts
 * the saved text back. A refresh of the meeting never overwrites a draft being typed.
 */
function NotesEditor({ notes, edits, reach }: { notes: string; edits: Edits; reach: Reachability }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = draft ?? notes;
  const dirty = draft !== null && draft !== notes;

  const save = async () => {
    if (!dirty || draft === null) return;
    setBusy(true);
    const ok = await saveEdit('notes', draft);
    setBusy(false);
    if (ok) setDraft(null);
  };

  return (
    <Field field="notes" labelFor={id} edits={edits} reach={reach}>
      <textarea
        id={id}
        className="notes-input"
        rows={4}
        maxLength={20_000}
        placeholder="Add notes: decisions, follow-ups, anything to find this meeting by later."
        value={value}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape' && dirty) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
          }
        }}
      />
      {dirty ? (
        <div className="notes-actions">
          <span className="muted notes-hint">{shortcutModifier}Enter to save</span>
          <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
            Discard
          </Button>
          <Button size="sm" variant="primary" busy={busy} onClick={() => void save()}>
            Save notes
          </Button>
        </div>
      ) : null}
    </Field>
  );
}

/** Notes, participants and languages; each change goes through the outbox with its own state. */
export function DetailsPanel({ detail, reach }: { detail: MeetingDetailView; reach: Reachability }) {
  const { meeting, edits } = detail;
  return (
    <section className="detail-card" aria-label="Meeting details">
      {detailsKeptHere(edits) ? <p className="muted">{DETAILS_KEPT_HERE}</p> : null}
      <NotesEditor notes={meeting.notes ?? ''} edits={edits} reach={reach} />
      <Field field="participants" edits={edits} reach={reach}>
        <ChipsEditor
          label="Participants"
          values={meeting.participants}
          placeholder="Add a participant"
          onChange={(participants) => void saveEdit('participants', participants)}
        />
      </Field>
      <Field field="languages" edits={edits} reach={reach}>
        <ChipsEditor
          label="Languages"
          values={meeting.languages}
          placeholder="Add a language code (en, de…)"
          check={checkLanguage}
          onChange={(languages) => void saveEdit('languages', languages)}
        />
      </Field>
      <CaptionDelayDetails meetingId={meeting.id} revision={meeting.lastSyncedAt} />
    </section>
  );
}
