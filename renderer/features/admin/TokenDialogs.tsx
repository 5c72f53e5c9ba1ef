import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminTokenView, MintedToken, TokenScope } from '../../../shared/ipc/admin';
import { Banner, Bidi, Button, Dialog, TextField } from '../../app/theme';
import { announce } from '../announcer/store';
import { CopyField } from '../export/ShareResult';
import { useNavigationStore } from '../navigation/store';
import { mintToken, refreshUser, revokeToken, adoptMintedToken } from './actions';
import { revokeTitle, revokeWarning, scopeDescriptions, tokenLabel } from './describe';

const MINTABLE: TokenScope[] = ['bot', 'tx', 'browser'];

/** Step one: what the key may do (where the server scopes keys) and a name to tell it apart. */
function MintForm({
  userId,
  who,
  scoped,
  onMinted,
  onClose,
}: {
  userId: string;
  who: string;
  scoped: boolean;
  onMinted(minted: MintedToken): void;
  onClose(): void;
}) {
  // Both by default: a key with only `bot` can send a bot but not read its transcript.
  const [scopes, setScopes] = useState<TokenScope[]>(['bot', 'tx']);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (scoped && scopes.length === 0) return setError('Choose at least one thing the key may do.');
    setBusy(true);
    setError(null);
    const result = await mintToken({ userId, ...(scoped ? { scopes } : {}), ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onMinted(result.value);
  };

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) => (on ? MINTABLE.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));

  return (
    <Dialog
      open
      title={
        <>
          New API key for <Bidi>{who}</Bidi>
        </>
      }
      description={<p>The key’s value is shown once, right after it is created.</p>}
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()}>
            Create key
          </Button>
        </>
      }
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {scoped ? (
          <fieldset className="admin-scopes">
            <legend>What the key may do</legend>
            {MINTABLE.map((scope) => {
              const description = scopeDescriptions[scope];
              return (
                <label key={scope} className="admin-scope">
                  <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                  <span>
                    <span className="admin-scope-name">{description?.name ?? scope}</span>
                    <span className="muted"> · {description?.unlocks}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        ) : (
          <p className="muted">This server version makes keys that can do everything the user can; it has no scopes.</p>
        )}
        <TextField
          label="Name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          help="Optional, e.g. “Laptop” or “CI”."
        />
        {error ? <Banner tone="error">{error}</Banner> : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

/**
 * Step two: the value, once. Closing before copying asks first; "Use this key in this app" makes it
 * this server's user key without the value leaving the window again (the core keeps it by handle).
 */
function MintedDialog({ minted, who, onClose }: { minted: MintedToken; who: string; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; storage: boolean } | null>(null);
  const [inUse, setInUse] = useState(false);
  const go = useNavigationStore((s) => s.go);
  const nextRef = useRef<HTMLButtonElement>(null);
  // The button that had focus is gone once the key is in use: the next step takes it.
  useEffect(() => {
    if (inUse) nextRef.current?.focus();
  }, [inUse]);

  const close = () => (copied || inUse ? onClose() : setConfirming(true));

  const adopt = async (keyStorage: 'auto' | 'session' = 'auto') => {
    setBusy(true);
    setError(null);
    const result = await adoptMintedToken(minted.handle, keyStorage);
    setBusy(false);
    if (!result.ok) return setError({ message: result.message, storage: result.code === 'secure_storage_unavailable' });
    setInUse(true);
  };

  if (confirming) {
    return (
      <Dialog
        key="confirm"
        open
        title="Close without copying the key?"
        description={<p>The key cannot be shown again. If you close now, nobody can use it; you would revoke it and create another.</p>}
        onClose={() => setConfirming(false)}
        actions={
          <>
            <Button variant="primary" data-autofocus onClick={() => setConfirming(false)}>
              Go back to the key
            </Button>
            <Button variant="danger" onClick={onClose}>
              Close without copying
            </Button>
          </>
        }
      />
    );
  }

  return (
    <Dialog
      key="value"
      open
      title={
        <>
          New API key for <Bidi>{who}</Bidi>
        </>
      }
      onClose={close}
      actions={
        inUse ? (
          <>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
            <Button
              ref={nextRef}
              variant="primary"
              data-autofocus
              onClick={() => {
                onClose();
                go('launch');
              }}
            >
              Go to Launch
            </Button>
          </>
        ) : (
          <>
            <Button busy={busy} onClick={() => void adopt()}>
              Use this key in this app
            </Button>
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </>
        )
      }
    >
      <div className="stack">
        <Banner tone="warn" title="Copy it now: it cannot be shown again">
          The server does not keep a readable copy. If it is lost, revoke it and create another.
        </Banner>
        {/* A copy with the keyboard from the field counts as well. */}
        <div onCopy={() => setCopied(true)}>
          <CopyField label="API key" value={minted.value} onCopied={() => setCopied(true)} />
        </div>
        {minted.token.scopes ? (
          <p className="muted">May: {minted.token.scopes.map((s) => scopeDescriptions[s]?.name ?? s).join(', ')}</p>
        ) : null}
        {inUse ? (
          // The app's live region is inert behind the modal, so this banner speaks for itself.
          <Banner tone="info" live title="This app now uses this key">
            Meetings you send from now on run as <Bidi>{who}</Bidi>.
          </Banner>
        ) : null}
        {error ? (
          <Banner
            tone="error"
            actions={
              error.storage ? (
                <Button size="sm" onClick={() => void adopt('session')}>
                  Keep it for this session only
                </Button>
              ) : null
            }
          >
            {error.message}
          </Banner>
        ) : null}
      </div>
    </Dialog>
  );
}

/** Create a key for a user: choose, then show the value once. */
export function MintTokenFlow({ userId, who, scoped, onClose }: { userId: string; who: string; scoped: boolean; onClose(): void }) {
  const [minted, setMinted] = useState<MintedToken | null>(null);
  if (!minted) {
    return (
      <MintForm
        userId={userId}
        who={who}
        scoped={scoped}
        onClose={onClose}
        onMinted={(m) => {
          setMinted(m);
          announce('Key created. Copy it now: it cannot be shown again.');
          void refreshUser();
        }}
      />
    );
  }
  return <MintedDialog minted={minted} who={who} onClose={onClose} />;
}

/** Revoke: names the user and the token, and says it cannot be undone. */
export function RevokeDialog({ token, who, onClose }: { token: AdminTokenView; who: string; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    setBusy(true);
    const result = await revokeToken(token.id);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    announce(`Revoked ${tokenLabel(token)} of ${who}.`);
    onClose();
  };
  return (
    <Dialog
      open
      title={
        <>
          {revokeTitle(token)} (<Bidi>{who}</Bidi>)
        </>
      }
      description={<p>{revokeWarning(who)}</p>}
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void revoke()}>
            Revoke key
          </Button>
        </>
      }
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}
