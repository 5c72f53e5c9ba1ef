import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { WebhookTestResult, WebhookView } from '../../../shared/ipc/admin';
import { formatDateTime } from '../../app/format';
import { Badge, Banner, Button, Card, Dialog, Spinner, TextField } from '../../app/theme';
import { webhookUrlError } from '../admin/describe';
import { clearWebhook, loadDeliveries, loadWebhook, saveWebhook, testWebhook } from './actions';
import { deliveryOutcome, webhookErrorField } from './describe';
import { useWebhookStore } from './store';
import './webhooks.css';

function Deliveries() {
  const state = useWebhookStore((s) => s.deliveries);
  useEffect(() => {
    void loadDeliveries();
  }, []);

  return (
    <div className="stack-sm">
      <div className="row">
        <h3>Recent deliveries</h3>
        <span className="spacer" />
        <Button size="sm" variant="ghost" onClick={() => void loadDeliveries()}>
          Refresh
        </Button>
      </div>
      {state.phase === 'loading' ? <Spinner label="Loading deliveries…" /> : null}
      {state.phase === 'error' ? <Banner tone="error">{state.message}</Banner> : null}
      {state.phase === 'ready' && !state.value.available ? (
        <p className="muted">{state.value.message ?? 'This server does not keep a log of webhook deliveries.'}</p>
      ) : null}
      {state.phase === 'ready' && state.value.available && state.value.deliveries.length === 0 ? (
        <p className="muted">No deliveries yet. The server calls the address when a meeting changes status or ends.</p>
      ) : null}
      {state.phase === 'ready' && state.value.deliveries.length > 0 ? (
        <ul className="webhook-deliveries" aria-label="Recent deliveries">
          {state.value.deliveries.map((d) => {
            const outcome = deliveryOutcome(d);
            return (
              <li key={d.id}>
                <Badge tone={outcome.tone}>{outcome.label}</Badge>
                <span className="mono">{d.event ?? 'event'}</span>
                <span className="muted">{d.at === null ? '' : formatDateTime(d.at)}</span>
                {d.error ? <span className="muted break">{d.error}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function ClearDialog({ open, onClose, onCleared }: { open: boolean; onClose(): void; onCleared(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = async () => {
    setBusy(true);
    const result = await clearWebhook();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onCleared();
    onClose();
  };
  return (
    <Dialog
      open={open}
      title="Remove the webhook?"
      description={<p>The server stops calling this address, and the app forgets the signing secret.</p>}
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void clear()}>
            Remove webhook
          </Button>
        </>
      }
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}

function WebhookForm({ view, signs }: { view: WebhookView; signs: boolean }) {
  const [url, setUrl] = useState(view.url ?? '');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [errors, setErrors] = useState<{ url?: string; form?: string }>({});
  const [test, setTest] = useState<WebhookTestResult | null>(null);
  const [clearing, setClearing] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = webhookUrlError(url);
    if (problem) {
      setErrors({ url: problem });
      return urlRef.current?.focus();
    }
    setErrors({});
    setBusy('save');
    const result = await saveWebhook(url.trim(), secret);
    setBusy(null);
    if (!result.ok) {
      if (webhookErrorField(result.code) === 'form') return setErrors({ form: result.message });
      setErrors({ url: result.message });
      return urlRef.current?.focus();
    }
    // The secret is write-only: the field empties, and the card says a secret is kept.
    setSecret('');
    setTest(null);
  };

  const sendTest = async () => {
    setBusy('test');
    setTest(null);
    setErrors({});
    const result = await testWebhook();
    setBusy(null);
    if (!result.ok) return setErrors({ form: result.message });
    setTest(result.value);
  };

  const saved = Boolean(view.url);
  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate aria-label="Webhook">
      <TextField
        ref={urlRef}
        label="Webhook address"
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder="https://hooks.example.com/vexa"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errors.url}
        help="The server calls this address when a meeting changes status or ends."
      />
      {signs ? (
        <TextField
          label="Signing secret"
          type="password"
          spellCheck={false}
          autoComplete="new-password"
          value={secret}
          placeholder={view.hasSecret ? 'A secret is stored: type to replace it' : 'Optional'}
          onChange={(e) => setSecret(e.target.value)}
          help={
            view.hasSecret
              ? 'Kept encrypted on this computer and never shown. Leave empty to keep it.'
              : 'Deliveries are signed with it so your receiver can check they come from the server. It is never shown again.'
          }
        />
      ) : (
        <p className="muted">This server version does not sign webhook deliveries, so there is no secret to set.</p>
      )}
      {view.events && view.events.length > 0 ? (
        <p className="muted">
          Events: <span className="mono">{view.events.join(', ')}</span>
        </p>
      ) : null}
      {view.source === 'app' ? (
        <p className="muted">This server cannot report its webhook; the address shown is the last one set from this app.</p>
      ) : null}
      {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
      {test ? (
        <Banner tone={test.ok ? 'info' : 'error'} title={test.ok ? 'The test reached the receiver' : 'The test did not go through'}>
          {test.message}
        </Banner>
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary" busy={busy === 'save'}>
          {saved ? 'Save changes' : 'Save webhook'}
        </Button>
        {saved ? (
          <>
            <Button busy={busy === 'test'} onClick={() => void sendTest()}>
              Send a test
            </Button>
            <Button variant="ghost" onClick={() => setClearing(true)}>
              Remove…
            </Button>
          </>
        ) : null}
      </div>
      <ClearDialog
        open={clearing}
        onClose={() => setClearing(false)}
        onCleared={() => {
          setUrl('');
          setTest(null);
        }}
      />
    </form>
  );
}

/** Settings → Webhooks: where the server reports meeting events, its secret kept like a key. */
/** `signs`: the server signs deliveries with a secret (Vexa 0.10 and later; 0.9 refuses one). */
export function WebhookSection({ serverId, signs }: { serverId: string; signs: boolean }) {
  const load = useWebhookStore((s) => s.view);
  useEffect(() => {
    void loadWebhook();
  }, [serverId]);

  return (
    <Card title="Webhooks" description="Let the server notify your own systems about meetings.">
      {load.phase === 'loading' ? <Spinner label="Loading the webhook…" /> : null}
      {load.phase === 'error' ? (
        <Banner
          tone="error"
          actions={
            <Button size="sm" onClick={() => void loadWebhook()}>
              Try again
            </Button>
          }
        >
          {load.message}
        </Banner>
      ) : null}
      {load.phase === 'ready' ? (
        <div className="stack">
          <WebhookForm key={serverId} view={load.value} signs={signs} />
          {load.value.deliveriesAvailable ? (
            <Deliveries />
          ) : (
            <p className="muted">This server does not keep a log of webhook deliveries; your receiver’s own log shows what arrived.</p>
          )}
        </div>
      ) : null}
    </Card>
  );
}
