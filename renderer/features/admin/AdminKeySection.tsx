import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { AdminStatus } from '../../../shared/ipc/admin';
import { Badge, Banner, Button, Card, Dialog, Spinner, TextField } from '../../app/theme';
import { EyeIcon, EyeOffIcon, LockIcon } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import { useNavigationStore } from '../navigation/store';
import { adminKeyErrorField } from './describe';
import { forgetAdminKey, loadAdminStatus, saveAdminKey } from './actions';
import { useAdminStore } from './store';
import './admin.css';

function ForgetDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forget = async () => {
    setBusy(true);
    const result = await forgetAdminKey();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    announce('The admin key is forgotten. The API key of this server stays.');
    onClose();
  };
  return (
    <Dialog
      open={open}
      title="Forget the admin key?"
      description={
        <p>
          The app removes the admin key it keeps for this server and leaves admin mode. Your API key stays, so meetings keep working. You
          need the admin key to manage users again.
        </p>
      }
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void forget()}>
            Forget admin key
          </Button>
        </>
      }
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}

/** The admin key form: the key never comes back, so the field is always empty after saving. */
function AdminKeyForm({
  adminUrlNeeded,
  adminUrl,
  hint,
  replacing,
  keyRef,
  onDone,
}: {
  adminUrlNeeded: boolean;
  adminUrl: string | null;
  hint: string | null;
  replacing: boolean;
  /** The key field, focused by the card when the form takes the place of the control that had focus. */
  keyRef: RefObject<HTMLInputElement | null>;
  onDone(): void;
}) {
  const [key, setKey] = useState('');
  const [url, setUrl] = useState(adminUrl ?? '');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ key?: string; url?: string; form?: string }>({});
  const urlRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (adminUrlNeeded && !url.trim()) {
      setErrors({ url: 'Enter the address of the admin service, e.g. http://your-server:18057.' });
      return urlRef.current?.focus();
    }
    if (!key.trim()) {
      setErrors({ key: 'Enter the admin key (the server’s ADMIN_API_TOKEN).' });
      return keyRef.current?.focus();
    }
    setErrors({});
    setBusy(true);
    const result = await saveAdminKey(key.trim(), adminUrlNeeded ? url.trim() : undefined);
    setBusy(false);
    if (!result.ok) {
      const field = adminKeyErrorField(result.code, adminUrlNeeded);
      setErrors({ [field]: result.message });
      if (field === 'url') urlRef.current?.focus();
      else keyRef.current?.focus();
      return;
    }
    setKey('');
    announce('Admin key checked and saved. Admin is now in the navigation.');
    onDone();
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-label="Turn on admin mode">
      {adminUrlNeeded ? (
        <TextField
          ref={urlRef}
          label="Admin service address"
          type="url"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          value={url}
          placeholder={hint ?? 'http://your-server:18057'}
          onChange={(e) => setUrl(e.target.value)}
          error={errors.url}
          help="This server version runs user management as a separate service with its own address (port 18057 in the standard setup)."
        />
      ) : null}
      <TextField
        ref={keyRef}
        label="Admin key"
        type={show ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={key}
        onChange={(e) => {
          setKey(e.target.value);
          if (errors.key || errors.form) setErrors({});
        }}
        error={errors.key}
        help="The server’s ADMIN_API_TOKEN. The app checks it once, keeps it encrypted on this computer and never shows it again."
        trailing={
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={show}
            aria-label={show ? 'Hide admin key' : 'Show admin key'}
            title={show ? 'Hide admin key' : 'Show admin key'}
            icon={show ? <EyeOffIcon /> : <EyeIcon />}
            onClick={() => setShow((v) => !v)}
          />
        }
      />
      {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? 'Checking…' : replacing ? 'Check and replace' : 'Check and turn on admin mode'}
        </Button>
        {replacing ? (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

const adminKeyStorageWords: Record<NonNullable<AdminStatus['keyStorage']>, string> = {
  keychain: 'Encrypted with your system’s keychain, apart from your API key.',
  session:
    'Kept for this session only: this computer has no keychain the app can use, or your API key is stored unencrypted. Enter it again after a restart.',
  plaintext: 'Stored unencrypted on this computer.',
};

/** Settings → Server administration: enter, replace or forget the admin key of the connected server. */
export function AdminKeySection() {
  const status = useAdminStore((s) => s.status);
  const statusError = useAdminStore((s) => s.statusError);
  const go = useNavigationStore((s) => s.go);
  const [forgetting, setForgetting] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const keyStored = status?.keyStored ?? false;
  // Saving, forgetting or replacing the key swaps the card's controls: focus goes to the new ones.
  const openRef = useRef<HTMLButtonElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const previous = useRef({ keyStored, replacing });
  // Focus cannot enter the card while the forget dialog is still open (the page behind a modal is inert).
  const focusKeyWhenFree = useRef(false);
  useEffect(() => {
    const before = previous.current;
    previous.current = { keyStored, replacing };
    if ((!before.keyStored && keyStored) || (before.replacing && !replacing && keyStored)) openRef.current?.focus();
    else if ((before.keyStored && !keyStored) || (!before.replacing && replacing)) focusKeyWhenFree.current = true;
    if (focusKeyWhenFree.current && !forgetting && keyRef.current) {
      keyRef.current.focus();
      focusKeyWhenFree.current = false;
    }
  }, [keyStored, replacing, forgetting]);

  const title = 'Server administration';
  const description = 'Manage this server’s users and their API keys with the admin key. Most people do not need this.';
  if (statusError) {
    return (
      <Card title={title} description={description}>
        <Banner
          tone="error"
          actions={
            <Button size="sm" onClick={() => void loadAdminStatus()}>
              Try again
            </Button>
          }
        >
          {statusError}
        </Banner>
      </Card>
    );
  }
  if (!status) {
    return (
      <Card title={title} description={description}>
        <Spinner label="Checking what this server offers…" />
      </Card>
    );
  }
  if (!status.connected) return null;

  return (
    <Card title={title} description={description}>
      <div className="stack">
        {status.notes.length > 0 ? (
          <ul className="admin-notes" aria-label="What this server offers administrators">
            {status.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : null}
        {status.keyStored && !replacing ? (
          <>
            <dl className="definition-list">
              <dt>Admin key</dt>
              <dd>
                <Badge tone={status.keyStorage === 'session' ? 'info' : 'success'}>
                  <LockIcon size={12} /> Stored, never shown
                </Badge>
                {status.keyStorage ? <p className="muted settings-note">{adminKeyStorageWords[status.keyStorage]}</p> : null}
              </dd>
              {status.adminUrl ? (
                <>
                  <dt>Admin address</dt>
                  <dd className="mono break">{status.adminUrl}</dd>
                </>
              ) : null}
            </dl>
            <div className="row">
              <Button ref={openRef} variant="primary" onClick={() => go('admin')}>
                Open admin console
              </Button>
              <Button onClick={() => setReplacing(true)}>Replace key…</Button>
              <Button variant="ghost" onClick={() => setForgetting(true)}>
                Forget admin key…
              </Button>
            </div>
          </>
        ) : (
          <AdminKeyForm
            adminUrlNeeded={status.adminUrlNeeded}
            adminUrl={status.adminUrl}
            hint={status.adminUrlHint}
            replacing={replacing}
            keyRef={keyRef}
            onDone={() => setReplacing(false)}
          />
        )}
      </div>
      <ForgetDialog open={forgetting} onClose={() => setForgetting(false)} />
    </Card>
  );
}
