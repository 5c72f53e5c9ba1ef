import { useRef, useState, type FormEvent } from 'react';
import type { Err, Result } from '../../../shared/ipc/result';
import { Banner, Button, TextField } from '../../app/theme';
import { EyeIcon, EyeOffIcon } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import type { ConnectionView } from '../../../shared/ipc/models';
import { connectServer, disconnectServer, probeServer, reenterKey, type KeyStorageChoice } from '../connection/actions';
import { connectionBadgeText, fieldForError, serverUrlWarning } from '../connection/describe';
import { useNavigationStore } from '../navigation/store';
import { addServer, reenterServerKey } from '../servers/actions';
import { ProbeResult } from './ProbeResult';
import { SecureStorageDialog } from './SecureStorageDialog';
import { useOnboardingStore, type OnboardingErrors } from './store';

const SECURE_STORAGE_UNAVAILABLE = 'secure_storage_unavailable';

type NamedServer = NonNullable<ConnectionView['keyNeeded']>;

/**
 * Where the form's key goes:
 * - `first`: the start screen's server, which becomes the current one (`connection:connect`);
 * - `keyNeeded`: the start screen's server of the last session whose key is gone (`connection:reenterKey`);
 * - `reenter`: one known server's key, from anywhere in the app (`servers:reenterKey`);
 * - `add`: another server beside those connected (`servers:add`).
 * With a named server the address is fixed: the key goes to that server only.
 */
export type ConnectTarget =
  { kind: 'first' } | { kind: 'keyNeeded'; server: NamedServer } | { kind: 'reenter'; server: NamedServer } | { kind: 'add' };

/** What a connection that worked is called, for the sentence said after it. */
interface Connected {
  name: string | null;
  failure: string | null;
}

function connectTo(target: ConnectTarget, url: string, apiKey: string, keyStorage: KeyStorageChoice): Promise<Result<Connected>> {
  const fromConnection = async (request: ReturnType<typeof connectServer>): Promise<Result<Connected>> => {
    const result = await request;
    if (!result.ok) return result;
    const view = result.value;
    return {
      ok: true,
      value: view.server
        ? { name: connectionBadgeText(view.server), failure: null }
        : { name: null, failure: view.error?.message ?? 'The server did not accept the connection.' },
    };
  };
  const fromServer = async (request: ReturnType<typeof addServer>): Promise<Result<Connected>> => {
    const result = await request;
    if (!result.ok) return result;
    const view = result.value;
    if (view.status === 'key_needed')
      return { ok: true, value: { name: null, failure: view.error?.message ?? `${view.label} refused the key.` } };
    return { ok: true, value: { name: view.label, failure: null } };
  };
  switch (target.kind) {
    case 'first':
      return fromConnection(connectServer(url, apiKey, keyStorage));
    case 'keyNeeded':
      return fromConnection(reenterKey(apiKey, keyStorage));
    case 'reenter':
      return fromServer(reenterServerKey(target.server.id, apiKey, keyStorage));
    case 'add':
      return fromServer(addServer({ url, apiKey, keyStorage }));
  }
}

export interface ConnectFormProps {
  target?: ConnectTarget;
  /** After the server connected (`name` is what the app calls it); the start screen goes to Launch when absent. */
  onConnected?(name: string): void;
  /** The form's accessible name (a form in a dialog takes the dialog's instead: pass null). */
  label?: string | null;
}

export function ConnectForm({ target = { kind: 'first' }, onConnected, label = 'Connect to a Vexa server' }: ConnectFormProps) {
  const server = target.kind === 'keyNeeded' || target.kind === 'reenter' ? target.server : null;
  const typedUrl = useOnboardingStore((s) => s.url);
  const url = server ? server.url : typedUrl;
  const probe = useOnboardingStore((s) => s.probe);
  const busy = useOnboardingStore((s) => s.busy);
  const errors = useOnboardingStore((s) => s.errors);
  const { setUrl, setProbe, setBusy, setErrors, reset } = useOnboardingStore.getState();
  const goTo = useNavigationStore((s) => s.go);

  // The key stays in this component only; see the onboarding store.
  const [apiKey, setApiKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  const showError = (field: keyof OnboardingErrors, message: string) => {
    setErrors({ [field]: message });
    if (field === 'url') urlRef.current?.focus();
    if (field === 'apiKey') keyRef.current?.focus();
  };

  const showResultError = (result: Err) => showError(fieldForError(result.code, result.message), result.message);

  const inputsReady = (): boolean => {
    if (!url.trim()) {
      showError('url', 'Enter the address of your Vexa server.');
      return false;
    }
    if (!apiKey.trim()) {
      showError('apiKey', 'Enter your API key.');
      return false;
    }
    return true;
  };

  const testConnection = async () => {
    if (busy || !inputsReady()) return;
    setErrors({});
    setProbe(null);
    setBusy('probe');
    const result = await probeServer(url.trim(), apiKey.trim(), target.kind === 'add' || target.kind === 'reenter');
    setBusy(null);
    if (!result.ok) return showResultError(result);
    setProbe(result.value);
    announce('Connection test passed.');
  };

  const connect = async (keyStorage: KeyStorageChoice) => {
    if (busy || !inputsReady()) return;
    setErrors({});
    setBusy('connect');
    const result = await connectTo(target, url.trim(), apiKey.trim(), keyStorage);
    setBusy(null);
    if (!result.ok) {
      if (result.code === SECURE_STORAGE_UNAVAILABLE) return setStorageProblem(result.message);
      setStorageProblem(null);
      return showResultError(result);
    }
    const { name, failure } = result.value;
    if (failure !== null || name === null) return showError('form', failure ?? 'The server did not accept the connection.');
    setStorageProblem(null);
    setApiKey('');
    reset();
    announce(`Connected to ${name}.`);
    if (onConnected) onConnected(name);
    else goTo('launch');
  };

  const chooseAnotherServer = async () => {
    if (busy) return;
    setErrors({});
    const result = await disconnectServer();
    if (!result.ok) return showError('form', result.message);
    // The key typed for the named server must not follow the person to another address.
    setApiKey('');
    reset();
    announce('Enter the address and key of the server to connect to.');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void connect('auto');
  };

  const urlWarning = serverUrlWarning(url);

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={label ?? undefined}>
      {server ? (
        <TextField
          label="Server URL"
          type="url"
          readOnly
          spellCheck={false}
          value={server.url}
          error={errors.url}
          help={`The key is sent to ${server.label} only.`}
        />
      ) : (
        <TextField
          ref={urlRef}
          label="Server URL"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={errors.url}
          help="Vexa Cloud, or your self-hosted API address"
        />
      )}
      {urlWarning && !probe && !server ? <Banner tone="warn">{urlWarning}</Banner> : null}
      <TextField
        ref={keyRef}
        label="API key"
        // In a dialog asking for one server's key, the key is what to type.
        data-autofocus={target.kind === 'reenter' || undefined}
        type={showKey ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(e) => {
          setApiKey(e.target.value);
          setProbe(null);
          if (errors.apiKey || errors.form) setErrors({});
        }}
        error={errors.apiKey}
        help="Create one in the Vexa dashboard under API keys. It is shown only once, when created."
        trailing={
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={showKey}
            aria-label={showKey ? 'Hide API key' : 'Show API key'}
            title={showKey ? 'Hide API key' : 'Show API key'}
            icon={showKey ? <EyeOffIcon /> : <EyeIcon />}
            onClick={() => setShowKey((v) => !v)}
          />
        }
      />
      {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
      {probe ? <ProbeResult probe={probe} /> : null}
      <div className="row onboarding-actions">
        {target.kind === 'keyNeeded' ? (
          <Button variant="ghost" className="onboarding-elsewhere" onClick={() => void chooseAnotherServer()}>
            Connect to another server
          </Button>
        ) : null}
        <Button busy={busy === 'probe'} onClick={() => void testConnection()}>
          {busy === 'probe' ? 'Testing…' : 'Test connection'}
        </Button>
        <Button type="submit" variant="primary" busy={busy === 'connect' && storageProblem === null}>
          {busy === 'connect' ? 'Connecting…' : target.kind === 'add' ? 'Add server' : 'Connect'}
        </Button>
      </div>
      <SecureStorageDialog
        message={storageProblem}
        busy={busy === 'connect'}
        onSessionOnly={() => void connect('session')}
        onPlaintext={() => void connect('plaintext')}
        onClose={() => setStorageProblem(null)}
      />
    </form>
  );
}
