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
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="danger"
            unavailable={!accepted}
            busy={busy}
            onClick={onPlaintext}
            title={accepted ? undefined : 'Tick the warning first'}
          >
            Store it unencrypted on this computer
          </Button>
          <Button variant="primary" busy={busy} onClick={onSessionOnly} data-autofocus>
            Keep the key for this session only
          </Button>
        </>
      }
    >
      <p>
        With <strong>this session only</strong>, the app keeps the key in memory and forgets it when it quits; you enter it
        again next time.
      </p>
      <label className="choice" htmlFor={checkboxId}>
        <input id={checkboxId} type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
        <span>
          I understand that an unencrypted key can be read by anyone with access to my user account on this computer.
        </span>
      </label>
    </Dialog>
  );
}
