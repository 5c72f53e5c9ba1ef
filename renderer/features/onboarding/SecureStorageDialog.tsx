import { useId, useState } from 'react';
import { Button, Dialog } from '../../app/theme';

export interface SecureStorageDialogProps {
  /** The core's explanation of why the keychain is unavailable; null closes the dialog. */
  message: string | null;
  busy: boolean;
  onSessionOnly(): void;
  onPlaintext(): void;
  onClose(): void;
}

/**
 * The OS cannot encrypt the key. Nothing is stored until the person picks: keep it for this
 * session, or store it unencrypted after ticking an explicit warning.
 */
export function SecureStorageDialog({ message, busy, onSessionOnly, onPlaintext, onClose }: SecureStorageDialogProps) {
  const [accepted, setAccepted] = useState(false);
  const checkboxId = useId();
  const close = () => {
    setAccepted(false);
    onClose();
  };
  return (
    <Dialog
      open={message !== null}
      title="This computer cannot encrypt your API key"
      description={<p className="break">{message}</p>}
      onClose={close}
      actions={
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
      }
    >
      <div className="storage-choice">
        <p>The app can keep the key in memory and forget it when it quits. You enter it again next time.</p>
        <Button variant="primary" busy={busy} onClick={onSessionOnly} data-autofocus>
          Keep the key for this session only
        </Button>
      </div>
      <div className="storage-choice">
        <p>Or it can write the key to a file on this computer, without encryption.</p>
        <label className="choice" htmlFor={checkboxId}>
          <input id={checkboxId} type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
          <span>I understand: anyone with access to your user account can read it.</span>
        </label>
        <Button
          variant="danger"
          unavailable={!accepted}
          busy={busy}
          onClick={onPlaintext}
          title={accepted ? undefined : 'Tick the warning above first'}
        >
          Store it unencrypted on this computer
        </Button>
      </div>
    </Dialog>
  );
}
