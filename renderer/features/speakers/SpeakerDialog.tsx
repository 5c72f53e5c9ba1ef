import { useState, type FormEvent } from 'react';
import type { SpeakerChangeView, SpeakerSyncView } from '../../../shared/ipc/speakers';
import {
  cleanSpeakerName,
  describeFix,
  type SpeakerFix,
  type SpeakerLine,
  type SpeakerNames,
} from '../../../shared/transcript/speakerNames';
import { Banner, Bidi, Button, Dialog, InlineError, SelectField, TextField } from '../../app/theme';
import { fixSpeaker, restoreSpeakerFix, type ChangeOutcome, type SpeakerFixRequest } from './actions';
import type { SpeakerScope } from './SpeakerMenu';

export type SpeakerAction = { kind: 'rename'; everywhere: boolean } | { kind: 'merge' } | { kind: 'split' } | { kind: 'restore' };

/** What happened, said plainly. */
function Done({ change }: { change: SpeakerChangeView }) {
  return (
    <div className="speaker-done" data-testid="speaker-done" data-sync={change.sync.state}>
      <Banner tone="info" title={change.sync.state === 'local' ? 'Kept on this computer' : 'Saved'}>
        {change.sync.message}
      </Banner>
    </div>
  );
}

export function SpeakerDialog({
  action,
  scope,
  names,
  sync,
  line,
  shown,
  when,
  touching,
  onClose,
}: {
  action: SpeakerAction;
  scope: SpeakerScope;
  names: SpeakerNames;
  sync: SpeakerSyncView | null;
  line: SpeakerLine;
  shown: string;
  when: string;
  touching: SpeakerFix[];
  onClose(): void;
}) {
  const r = names.resolve(line);
  const key = r.key ?? '';
  const original = r.original ?? '';
  const others = [...new Set(scope.labels.map((l) => names.keyOf(l)))].filter((k) => k !== key);
  const [text, setText] = useState(action.kind === 'split' ? '' : shown);
  const [target, setTarget] = useState(others[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SpeakerChangeView | null>(null);

  const run = async (work: () => Promise<ChangeOutcome>) => {
    setBusy(true);
    setError(null);
    const outcome = await work();
    setBusy(false);
    if (outcome.ok) setDone(outcome.change);
    else setError(outcome.message);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (action.kind === 'restore') return;
    let request: SpeakerFixRequest;
    if (action.kind === 'merge') {
      if (!target) return setError('There is no other speaker in this meeting to merge into.');
      request = { serverId: scope.serverId, meetingId: scope.meetingId, kind: 'merge', label: key, name: target };
    } else {
      const name = cleanSpeakerName(text);
      if (!name) return setError('Type the name to show for this speaker.');
      request =
        action.kind === 'split'
          ? {
              serverId: scope.serverId,
              meetingId: scope.meetingId,
              kind: 'split',
              label: original,
              name,
              fromAbsolute: line.absoluteStart ?? null,
              fromStart: line.start ?? null,
            }
          : { serverId: scope.serverId, meetingId: action.everywhere ? null : scope.meetingId, kind: 'rename', label: key, name };
    }
    void run(() => fixSpeaker(request));
  };

  const made = done?.fix && action.kind !== 'restore' ? done.fix : null;
  const undo = made
    ? async () => {
        setBusy(true);
        const outcome = await restoreSpeakerFix(scope.serverId, made.id);
        setBusy(false);
        if (outcome.ok) onClose();
        else setError(outcome.message);
      }
    : null;
  const title =
    action.kind === 'rename'
      ? action.everywhere
        ? `Rename everywhere on ${scope.serverName}`
        : 'Rename in this meeting'
      : action.kind === 'merge'
        ? 'Merge into another speaker'
        : action.kind === 'split'
          ? 'Split from this line'
          : 'Restore original names';
  const description =
    action.kind === 'rename' ? (
      <>
        The lines of “<Bidi>{shown}</Bidi>” {action.everywhere ? `in every meeting on ${scope.serverName}` : 'in this meeting'} show the new
        name. The server’s label “<Bidi>{key}</Bidi>” is kept and can be restored.
      </>
    ) : action.kind === 'merge' ? (
      <>
        The lines of “<Bidi>{shown}</Bidi>” in this meeting are shown as the speaker you choose.
      </>
    ) : action.kind === 'split' ? (
      <>
        From the line at {when} on, the lines the server labels “<Bidi>{original}</Bidi>” in this meeting are someone else.
      </>
    ) : (
      'Take a correction back: the name it replaced shows again.'
    );
  const syncNote = sync?.state === 'local' ? <p className="speaker-sync-note">{sync.message}</p> : null;

  if (done) {
    return (
      <Dialog
        key="done"
        open
        title={title}
        onClose={onClose}
        actions={
          <>
            {undo ? (
              <Button variant="ghost" onClick={() => void undo()} disabled={busy}>
                Undo
              </Button>
            ) : null}
            <Button variant="primary" data-autofocus onClick={onClose}>
              Close
            </Button>
          </>
        }
      >
        <Done change={done} />
        {error ? <InlineError>{error}</InlineError> : null}
      </Dialog>
    );
  }

  if (action.kind === 'restore') {
    return (
      <Dialog
        key="restore"
        open
        title={title}
        description={description}
        onClose={onClose}
        actions={
          <Button variant="primary" data-autofocus onClick={onClose}>
            Close
          </Button>
        }
      >
        <ul className="speaker-fix-list" aria-label="Corrections of this speaker">
          {touching.map((f) => (
            <li key={f.id}>
              <span>{describeFix(f, scope.serverName)}</span>
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => restoreSpeakerFix(scope.serverId, f.id))}>
                Restore
              </Button>
            </li>
          ))}
        </ul>
        {error ? <InlineError>{error}</InlineError> : null}
      </Dialog>
    );
  }

  return (
    <Dialog
      key="form"
      open
      title={title}
      description={description}
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="speaker-fix-form" disabled={busy}>
            {busy ? 'Saving…' : action.kind === 'merge' ? 'Merge' : action.kind === 'split' ? 'Split' : 'Rename'}
          </Button>
        </>
      }
    >
      <form id="speaker-fix-form" onSubmit={submit} className="speaker-form">
        {action.kind === 'merge' ? (
          others.length > 0 ? (
            <SelectField
              label="Merge into"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              options={others.map((k) => ({ value: k, label: names.nameOfKey(k) }))}
              data-autofocus
            />
          ) : (
            <p>No other speaker is heard in this meeting.</p>
          )
        ) : (
          <TextField
            label={action.kind === 'split' ? 'Name of the other speaker' : 'Name to show'}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            maxLength={400}
            error={error}
            data-autofocus
          />
        )}
        {action.kind === 'merge' && error ? <InlineError>{error}</InlineError> : null}
        {syncNote}
      </form>
    </Dialog>
  );
}
