import { useId, type KeyboardEvent, type Ref } from 'react';
import { Button } from '../../app/theme';
import { CheckIcon, ClipboardIcon, CrossIcon, ErrorIcon, InfoIcon } from '../../app/theme/icons';
import { inBrowser } from '../../platform/api';
import { acceptOffer } from './actions';
import { BrowserClipboardPaste } from './browserPaste';
import { offerLabel, type LinkDetection } from './describe';
import { useLaunchStore } from './store';

/** Why the link cannot be sent: calm while typing, an error once the person tried to send it. */
function DetectionLine({ id, detection, error }: { id: string; detection: LinkDetection; error: string | null }) {
  if (error) {
    return (
      <div id={id} className="field-error link-detection" role="alert">
        <ErrorIcon size={14} />
        <span>{error}</span>
      </div>
    );
  }
  if (detection.state === 'ok') {
    return (
      <div id={id} className="link-detection" data-state="ok">
        <CheckIcon size={14} />
        <span>
          {detection.platformName} · <span className="mono">{detection.link.nativeMeetingId}</span>
          {detection.link.passcode ? <span className="muted"> · passcode included</span> : null}
        </span>
      </div>
    );
  }
  if (detection.state === 'invalid') {
    return (
      <div id={id} className="link-detection" data-state="hint">
        <InfoIcon size={14} />
        <span>{detection.message}</span>
      </div>
    );
  }
  return (
    <div id={id} className="link-detection" data-state="empty">
      <span>Google Meet, Microsoft Teams, Zoom or Jitsi. Press Enter to send.</span>
    </div>
  );
}

function ClipboardOffer({ offer, onUsed }: { offer: string; onUsed(): void }) {
  const dismiss = () => useLaunchStore.getState().setOffer(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dismiss();
    onUsed();
  };
  return (
    <div className="clipboard-offer" role="group" aria-label="Meeting link on the clipboard" onKeyDown={onKeyDown}>
      <button
        type="button"
        className="clipboard-offer-use"
        onClick={() => {
          acceptOffer();
          onUsed();
        }}
      >
        <ClipboardIcon size={14} />
        <span>
          Use the meeting link from your clipboard: <strong>{offerLabel(offer)}</strong>
        </span>
      </button>
      <Button
        size="sm"
        variant="ghost"
        icon={<CrossIcon />}
        aria-label="Dismiss the clipboard link"
        title="Dismiss (Esc)"
        onClick={() => {
          dismiss();
          onUsed();
        }}
      />
    </div>
  );
}

export function LinkField({
  detection,
  error,
  inputRef,
}: {
  detection: LinkDetection;
  /** The error to show under the field (a link problem after a send attempt). */
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const link = useLaunchStore((s) => s.link);
  const offer = useLaunchStore((s) => s.offer);
  const busy = useLaunchStore((s) => s.busy);
  const setLink = useLaunchStore((s) => s.setLink);
  const refocus = () => {
    if (inputRef && typeof inputRef === 'object') inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!offer) return;
    // With an empty field, Enter takes the clipboard's link; a second Enter sends it.
    if (event.key === 'Enter' && !link.trim()) {
      event.preventDefault();
      acceptOffer();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      useLaunchStore.getState().setOffer(null);
    }
  };

  return (
    <div className="link-field">
      <label className="field-label link-label" htmlFor={id}>
        Paste a meeting link
      </label>
      <div className="field-control field-control-lg" data-invalid={error ? 'true' : undefined}>
        <input
          id={id}
          ref={inputRef}
          // The one thing this screen is for: the field has focus as soon as the screen opens.
          autoFocus
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://meet.google.com/abc-defg-hij"
          value={link}
          readOnly={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-detection`}
          aria-keyshortcuts={offer && !link.trim() ? 'Enter' : undefined}
          onChange={(event) => setLink(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <DetectionLine id={`${id}-detection`} detection={detection} error={error} />
      {offer ? <ClipboardOffer offer={offer} onUsed={refocus} /> : null}
      {inBrowser ? <BrowserClipboardPaste onUsed={refocus} /> : null}
    </div>
  );
}
