import { useEffect, useState } from 'react';
import { useNow } from '../../app/clock';
import { Button, TextField } from '../../app/theme';
import { CheckIcon } from '../../app/theme/icons';
import { copyText } from './clipboard';
import { expiryCountdown } from './describe';
import { ClockIcon, CopyIcon } from './icons';

const timeOfDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });

/** A read-only field with a Copy button; the button says "Copied" for a moment. */
export function CopyField({ label, value, onCopied }: { label: string; value: string; onCopied?: () => void }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 2_000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    const copied = await copyText(value);
    setState(copied ? 'copied' : 'failed');
    if (copied) onCopied?.();
  };
  return (
    <div className="stack-sm">
      <TextField
        label={label}
        value={value}
        readOnly
        spellCheck={false}
        className="mono"
        onFocus={(e) => e.currentTarget.select()}
        error={state === 'failed' ? 'Could not reach the clipboard. Select the text and copy it with the keyboard.' : null}
        trailing={
          <Button
            size="sm"
            variant="primary"
            icon={state === 'copied' ? <CheckIcon /> : <CopyIcon />}
            onClick={() => void copy()}
            autoFocus
          >
            {state === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        }
      />
      {/* The app's live region sits behind the modal (inert), so the dialog speaks for itself. */}
      <span className="sr-only" role="status">
        {state === 'copied' ? `${label} copied to the clipboard` : ''}
      </span>
    </div>
  );
}

/** "Expires in 59:58 · Tue 15:04", ticking on the app's one shared clock. */
export function ExpiryCountdown({ expiresAt, onExpired }: { expiresAt: number | null; onExpired?: () => void }) {
  const now = useNow(expiresAt !== null);
  const countdown = expiryCountdown(expiresAt, now);
  const expired = countdown?.expired ?? false;
  useEffect(() => {
    if (expired) onExpired?.();
  }, [expired, onExpired]);
  if (!countdown || expiresAt === null) return <p className="share-expiry muted">The server did not say when it expires.</p>;
  return (
    <p className="share-expiry" data-expired={countdown.expired || undefined} data-testid="share-expiry">
      <ClockIcon size={14} />
      <span>{countdown.text}</span>
      {countdown.expired ? null : <span className="muted">· {timeOfDay.format(new Date(expiresAt))}</span>}
    </p>
  );
}
