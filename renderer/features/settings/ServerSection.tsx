import { useState } from 'react';
import type { ConnectionView } from '../../../shared/ipc/models';
import { formatDateTime } from '../../app/format';
import { Banner, Button, Card } from '../../app/theme';
import { RefreshIcon } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import { recheckServer } from '../connection/actions';
import { CapabilityList, ServerWarnings } from '../connection/CapabilityList';
import { generationLabel, isThisComputer } from '../connection/describe';

export function ServerSection({ connection }: { connection: ConnectionView }) {
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
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
      </div>
    </Card>
  );
}
