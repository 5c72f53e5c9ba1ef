import { useState } from 'react';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import { Badge, Banner, Bidi, Button, Dialog } from '../../app/theme';
import { RefreshIcon } from '../../app/theme/icons';
import { syncNow } from '../library/actions';
import { resolveEdit } from './actions';
import { useAppStore } from '../app/store';
import { editChip, FIELD_LABELS, fieldValueText, latestEditFor, markUnkept, type EditableField } from './describe';
import { useMeetingStore } from './store';
import type { Reachability } from './useReachability';

type OutboxEditView = MeetingDetailView['edits'][number];

/** Mine against the server's, field by field; Keep mine queues mine again, Use server's drops it. */
export function ConflictDialog({ edit, onClose }: { edit: OutboxEditView; onClose(): void }) {
  const [busy, setBusy] = useState<'keep-mine' | 'use-server' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fields = Object.keys(edit.fields) as EditableField[];
  const choose = async (choice: 'keep-mine' | 'use-server') => {
    setBusy(choice);
    const message = await resolveEdit(edit.id, choice);
    setBusy(null);
    if (message) setError(message);
    else onClose();
  };
  return (
    <Dialog
      open
      title="This was changed on the server too"
      description="Someone changed the same field on the server after you edited it here. Choose the version to keep."
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose}>
            Decide later
          </Button>
          <Button busy={busy === 'use-server'} onClick={() => void choose('use-server')}>
            Use server’s
          </Button>
          <Button variant="primary" data-autofocus busy={busy === 'keep-mine'} onClick={() => void choose('keep-mine')}>
            Keep mine
          </Button>
        </>
      }
    >
      <dl className="conflict-list">
        {fields.map((f) => (
          <div key={f} className="conflict-field">
            <dt>{FIELD_LABELS[f]}</dt>
            <dd>
              <div className="conflict-version">
                <span className="conflict-who">Yours</span>
                <Bidi className="break">{fieldValueText(edit.fields[f])}</Bidi>
              </div>
              <div className="conflict-version">
                <span className="conflict-who">On the server</span>
                <Bidi className="break">{fieldValueText(edit.serverValues?.[f])}</Bidi>
              </div>
            </dd>
          </div>
        ))}
      </dl>
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}

/**
 * The state of the latest edit of one field: Saving…, Saved, Waiting for connection, Failed (with
 * Retry), Kept on this computer (with why), Conflict (with the dialog); and the core's refusal.
 */
export function EditState({ field, edits, reach }: { field: EditableField; edits: readonly OutboxEditView[]; reach: Reachability }) {
  const saved = useMeetingStore((s) => (s.detail ? (s.saved[s.detail.meeting.id]?.includes(field) ?? false) : false));
  const error = useMeetingStore((s) => s.fieldErrors[field] ?? null);
  const [conflict, setConflict] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const memorySince = useAppStore((s) => (s.info?.storage.mode === 'memory' ? s.info.storage.since : null));
  const edit = latestEditFor(field, edits);
  const chip = markUnkept(editChip(field, edit, saved, reach), edit, memorySince);
  // The status region stays in place so a change of state is announced.
  return (
    <div className="edit-state" data-field={field} data-empty={!chip && !error ? 'true' : undefined}>
      <span className="edit-chip" role="status" data-kind={chip?.kind} data-testid={`edit-state-${field}`}>
        {chip ? (
          <Badge
            tone={chip.tone}
            dot={chip.kind === 'saving' || chip.kind === 'waiting'}
            title={chip.detail ? `${chip.label}: ${chip.detail}` : undefined}
          >
            {chip.label}
          </Badge>
        ) : null}
      </span>
      {chip?.detail ? <span className="edit-note">{chip.detail}</span> : null}
      {chip?.kind === 'failed' && edit ? (
        <Button
          size="sm"
          variant="ghost"
          icon={<RefreshIcon />}
          busy={retrying}
          onClick={async () => {
            setRetrying(true);
            await resolveEdit(edit.id, 'keep-mine');
            setRetrying(false);
          }}
        >
          Retry
        </Button>
      ) : null}
      {chip?.kind === 'waiting' && !reach.otherServer ? (
        <Button
          size="sm"
          variant="ghost"
          icon={<RefreshIcon />}
          busy={retrying}
          onClick={async () => {
            setRetrying(true);
            await syncNow();
            setRetrying(false);
          }}
        >
          Try now
        </Button>
      ) : null}
      {chip?.kind === 'conflict' && edit ? (
        <>
          <Button size="sm" onClick={() => setConflict(true)}>
            Choose a version…
          </Button>
          {conflict ? <ConflictDialog edit={edit} onClose={() => setConflict(false)} /> : null}
        </>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
