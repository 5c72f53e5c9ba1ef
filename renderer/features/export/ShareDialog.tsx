import { useId, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { Banner, Bidi, Button, Dialog, Segmented } from '../../app/theme';
import { useConnectionStore } from '../connection/store';
import { createShare } from './actions';
import { shareMode, type MeetingRef, type ShareMode } from './describe';
import { DEFAULT_SHARE_LIFETIME, SHARE_LIFETIMES } from './formats';
import { FileIcon, KeyIcon, ShareIcon } from './icons';
import { CopyField, ExpiryCountdown } from './ShareResult';
import { useExportStore } from './store';

type ShareLink = ChannelOutput<'share:create'>;

const titles: Record<ShareMode, string> = {
  'public-url': 'Share a link to the transcript',
  'capability-token': 'Share with a Vexa user',
  none: 'Share transcript',
};

function LifetimeChoice({ value, onChange }: { value: number; onChange(seconds: number): void }) {
  const name = useId();
  return (
    <fieldset className="export-times">
      <legend className="export-legend">Valid for</legend>
      <Segmented
        options={SHARE_LIFETIMES.map((l) => ({ value: l.seconds, label: l.label }))}
        value={value}
        onChange={onChange}
        name={name}
        autoFocusChecked
      />
    </fieldset>
  );
}

const TOKEN_EXPLANATION =
  'This server shares transcripts with people who have a Vexa account on it, not by public link. Create a token and send it to a colleague: they redeem it in their Vexa client, and the transcript appears in their account.';

function LinkResult({ link, onExpired }: { link: ShareLink; onExpired(): void }) {
  if (link.kind === 'public-url') {
    return (
      <div className="stack">
        <CopyField label="Link" value={link.url} />
        <ExpiryCountdown expiresAt={link.expiresAt} onExpired={onExpired} />
        <Banner tone="warn">Anyone with the link can read the transcript until it expires.</Banner>
      </div>
    );
  }
  return (
    <div className="stack">
      <CopyField label="Token" value={link.token} />
      <ExpiryCountdown expiresAt={link.expiresAt} onExpired={onExpired} />
      <Banner tone="info">
        {link.mode === 'restricted'
          ? 'Only the people the token was made for can redeem it.'
          : 'Send it privately: anyone with an account on this server who has the token can read the transcript until it expires.'}
      </Banner>
    </div>
  );
}

/**
 * A public link (G1/G2) or a token for another Vexa user (G3), whichever the server makes; a
 * server with neither is said so, with Export offered instead.
 */
export function ShareDialog({ meetingRef, title, onClose }: { meetingRef: MeetingRef; title: string; onClose(): void }) {
  const formId = useId();
  const mode = useConnectionStore((s) => shareMode(s.view?.server?.capabilities));
  const openDialog = useExportStore((s) => s.open);
  const [ttl, setTtl] = useState(DEFAULT_SHARE_LIFETIME);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [expired, setExpired] = useState(false);

  const create = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await createShare(meetingRef, ttl);
    setBusy(false);
    if (result.ok) {
      setLink(result.value);
      setExpired(false);
    } else setError(result.message);
  };

  const noun = mode === 'capability-token' ? 'token' : 'link';
  const description = <Bidi className="break">{title}</Bidi>;

  if (mode === 'none') {
    return (
      <Dialog
        open
        title={titles.none}
        description={description}
        onClose={onClose}
        actions={
          <>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
            <Button variant="primary" icon={<FileIcon />} onClick={() => openDialog('export', meetingRef, title)} data-autofocus>
              Export…
            </Button>
          </>
        }
      >
        <Banner tone="info" title="This server cannot share transcripts">
          Export the transcript to a file and send the file instead.
        </Banner>
      </Dialog>
    );
  }

  const creating = !link || expired;
  return (
    <Dialog
      open
      title={titles[mode]}
      description={description}
      onClose={onClose}
      actions={
        creating ? (
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              form={formId}
              variant="primary"
              busy={busy}
              icon={mode === 'capability-token' ? <KeyIcon /> : <ShareIcon />}
            >
              {link ? `Create a new ${noun}` : `Create ${noun}`}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        )
      }
    >
      {mode === 'capability-token' ? <p className="share-explanation">{TOKEN_EXPLANATION}</p> : null}
      {link ? <LinkResult link={link} onExpired={() => setExpired(true)} /> : null}
      {creating ? (
        <form id={formId} className="stack" onSubmit={(e) => void create(e)} aria-label={`New ${noun}`}>
          {expired ? <p className="muted">This {noun} has expired. Create a new one to share again.</p> : null}
          <LifetimeChoice value={ttl} onChange={setTtl} />
          {mode === 'public-url' && !link ? (
            <Banner tone="warn">Anyone with the link can read the transcript until it expires.</Banner>
          ) : null}
        </form>
      ) : null}
      {error ? (
        <Banner tone="error" title={`No ${noun} was created`}>
          {error}
        </Banner>
      ) : null}
    </Dialog>
  );
}
