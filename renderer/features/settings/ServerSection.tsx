import { useState } from 'react';
import type { ConnectionView, ServerView } from '../../../shared/ipc/models';
import { formatDateTime } from '../../app/format';
import { Banner, Button, Card, Dialog } from '../../app/theme';
import { RefreshIcon } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import { disconnectServer, recheckServer } from '../connection/actions';
import { CapabilityList, ServerWarnings } from '../connection/CapabilityList';
import { generationLabel, isThisComputer } from '../connection/describe';

type Leaving = 'switch' | 'disconnect' | null;

function LeaveDialog({ leaving, server, onClose }: { leaving: Leaving; server: ServerView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    const result = await disconnectServer();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    announce(`Disconnected from ${server.label}.`);
  };
  const switching = leaving === 'switch';
  return (
    <Dialog
      open={leaving !== null}
      title={switching ? 'Switch to another server?' : `Disconnect from ${server.label}?`}
      description={
        <p className="break">
          The app disconnects from {server.url}
          {switching ? ' and asks for the address and API key of the other server.' : ' and returns to the start screen.'} It forgets the
          API key it keeps for this server, and its admin key and webhook secret if you stored them, so you need the key to connect again.
        </p>
      }
      onClose={close}
      actions={
        <>
          <Button variant="ghost" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {switching ? 'Disconnect and switch' : 'Disconnect'}
          </Button>
        </>
      }
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}

export function ServerSection({ connection }: { connection: ConnectionView }) {
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<Leaving>(null);
  const server = connection.server;
  if (!server) return null;

  const checkAgain = async () => {
    setChecking(true);
    setCheckError(null);
    const result = await recheckServer();
    setChecking(false);
    if (!result.ok) setCheckError(result.message);
    // A refused key ends the connection; the start screen then asks for a new key and says why.
    else announce(result.value.keyNeeded && result.value.error ? result.value.error.message : 'Server checked.');
  };

  return (
    <Card
      title="Server"
      actions={
        <Button size="sm" icon={<RefreshIcon />} busy={checking} onClick={() => void checkAgain()}>
          Check again
        </Button>
      }
    >
      <div className="stack">
        <dl className="definition-list">
          <dt>Server</dt>
          <dd>{server.label}</dd>
          <dt>Address</dt>
          <dd>
            <span className="mono">{server.url}</span>
            {server.insecure && !server.demo ? (
              <span className="muted"> · {isThisComputer(server.url) ? 'unencrypted, on this computer' : 'unencrypted'}</span>
            ) : null}
          </dd>
          <dt>API version</dt>
          <dd>{generationLabel(server.generation)}</dd>
          {server.userEmail ? (
            <>
              <dt>Account</dt>
              <dd>{server.userEmail}</dd>
            </>
          ) : null}
          <dt>Last checked</dt>
          <dd>{formatDateTime(server.checkedAt)}</dd>
        </dl>
        {checkError ? <Banner tone="error">{checkError}</Banner> : null}
        {/* The last check's refusal (a revoked key, say) stays here until a check passes. */}
        {!checkError && connection.error && connection.status !== 'error' ? <Banner tone="error">{connection.error.message}</Banner> : null}
        <ServerWarnings warnings={server.warnings} />
        <div className="stack-sm">
          <h3>What this server offers</h3>
          <CapabilityList capabilities={server.capabilities} />
        </div>
        <div className="row">
          <Button onClick={() => setLeaving('switch')}>Switch server…</Button>
          <Button variant="ghost" onClick={() => setLeaving('disconnect')}>
            Disconnect…
          </Button>
        </div>
      </div>
      <LeaveDialog leaving={leaving} server={server} onClose={() => setLeaving(null)} />
    </Card>
  );
}
