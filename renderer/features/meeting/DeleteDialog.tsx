import { useId, useState } from 'react';
import { isolate } from '../../../shared/bidi';
import { Banner, Bidi, Button, Dialog, TextField } from '../../app/theme';
import { closeMeeting, deleteMeeting } from './actions';
import { serverDeleteConfirmText, type ServerDeleteOption } from './describe';

type Where = 'local' | 'server';

/**
 * Two steps: where to delete from, then a confirmation. From the server it is for everyone and for
 * good, so the meeting's name must be typed. The server's refusal (a meeting still running) shows here.
 */
export function DeleteDialog({
  title,
  planned,
  server: serverOption,
  keptAudio = null,
  onClose,
}: {
  title: string;
  /** A planned meeting: on the server it goes entirely, there is no transcript to speak of. */
  planned: boolean;
  /** Whether "From the server too" can be chosen (see `serverDeleteOption`), and its sentence. */
  server: ServerDeleteOption;
  /** Says that the audio kept on this computer goes with the meeting (recordings/kept.ts); null when none is kept. */
  keptAudio?: string | null;
  onClose(): void;
}) {
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [where, setWhere] = useState<Where>('local');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const matches = typed.trim().toLowerCase() === title.trim().toLowerCase();

  const [kept, setKept] = useState<string | null>(null);

  const confirm = async () => {
    if (where === 'server' && !matches) return;
    setBusy(true);
    setError(null);
    const result = await deleteMeeting(where);
    setBusy(false);
    if (!result.ok) setError(result.message);
    else if ('keptOnServer' in result) setKept(result.keptOnServer);
    else onClose();
  };

  if (kept !== null) {
    const done = () => {
      onClose();
      closeMeeting();
    };
    return (
      <Dialog
        key="kept"
        open
        title="Still on the server"
        description={
          <>
            “<Bidi>{title}</Bidi>” was removed from this computer only.
          </>
        }
        onClose={done}
        actions={
          <Button variant="primary" data-autofocus onClick={done}>
            Close
          </Button>
        }
      >
        <Banner tone="info" title="Not deleted on the server">
          {kept}
        </Banner>
      </Dialog>
    );
  }

  if (step === 'choose') {
    return (
      <Dialog
        key="choose"
        open
        title={
          <>
            Delete “<Bidi>{title}</Bidi>”
          </>
        }
        description="Choose where to delete it from."
        onClose={onClose}
        actions={
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => setStep('confirm')}>
              Continue
            </Button>
          </>
        }
      >
        <fieldset className="delete-choices">
          <legend className="sr-only">Delete from</legend>
          <label className="delete-choice" data-checked={where === 'local'}>
            <input type="radio" name={name} value="local" checked={where === 'local'} onChange={() => setWhere('local')} data-autofocus />
            <span>
              <span className="delete-choice-title">From this computer only</span>
              <span className="delete-choice-text">
                The server keeps the meeting and its transcript; this computer forgets them and does not download them again.
                {keptAudio ? ` ${keptAudio}` : null}
              </span>
            </span>
          </label>
          <label className="delete-choice" data-checked={where === 'server'} data-disabled={!serverOption.allowed || undefined}>
            <input
              type="radio"
              name={name}
              value="server"
              checked={where === 'server'}
              disabled={!serverOption.allowed}
              onChange={() => setWhere('server')}
            />
            <span>
              <span className="delete-choice-title">From the server too</span>
              <span className="delete-choice-text">{serverOption.text}</span>
            </span>
          </label>
        </fieldset>
      </Dialog>
    );
  }

  const server = where === 'server';
  return (
    <Dialog
      key="confirm"
      open
      title={server ? 'Delete for everyone?' : 'Remove from this computer?'}
      description={
        server ? (
          [serverDeleteConfirmText(isolate(title), planned), keptAudio].filter(Boolean).join(' ')
        ) : (
          <>
            “<Bidi>{title}</Bidi>” and its transcript are removed from this computer. The server keeps them.
            {keptAudio ? ` ${keptAudio}` : null}
          </>
        )
      }
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={() => setStep('choose')}>
            Back
          </Button>
          <Button
            variant="danger"
            busy={busy}
            unavailable={server && !matches}
            data-autofocus={!server || undefined}
            onClick={() => void confirm()}
          >
            {server ? 'Delete for everyone' : 'Remove from this computer'}
          </Button>
        </>
      }
    >
      {server ? (
        <TextField
          label={`Type the meeting’s name to confirm: ${isolate(title)}`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void confirm();
            }
          }}
        />
      ) : null}
      {error ? (
        <Banner tone="error" title="Not deleted">
          {error}
        </Banner>
      ) : null}
    </Dialog>
  );
}
