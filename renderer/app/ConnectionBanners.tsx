import { useState } from 'react';
import type { ConnectionView } from '../../shared/ipc/models';
import { announce } from '../features/announcer/store';
import { disconnectServer, recheckServer } from '../features/connection/actions';
import { HTTP_WARNING, isThisComputer } from '../features/connection/describe';
import { Banner, Button } from './theme';

/** What the person must know about the current connection, above every screen. */
export function ConnectionBanners({ connection }: { connection: ConnectionView }) {
  const [busy, setBusy] = useState<'leave' | 'recheck' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const server = connection.server;
  if (!server) return null;

  const run = async (task: 'leave' | 'recheck') => {
    setBusy(task);
    setFailure(null);
    const result = task === 'leave' ? await disconnectServer() : await recheckServer();
    setBusy(null);
    if (!result.ok) setFailure(result.message);
    else if (task === 'leave') announce('Demo mode ended.');
    else if (result.value.keyNeeded && result.value.error) announce(result.value.error.message);
  };

  return (
    <div className="banners">
      {server.demo ? (
        <Banner
          tone="demo"
          actions={
            <Button size="sm" busy={busy === 'leave'} onClick={() => void run('leave')}>
              Connect a real server
            </Button>
          }
        >
          Demo mode: a built-in simulator plays a sample meeting. Nothing leaves this computer.
        </Banner>
      ) : null}
      {server.insecure && !server.demo && !isThisComputer(server.url) ? (
        <Banner tone="warn" title="Unencrypted connection">
          {HTTP_WARNING}
        </Banner>
      ) : null}
      {connection.status === 'error' && connection.error ? (
        <Banner
          tone="error"
          actions={
            <Button size="sm" busy={busy === 'recheck'} onClick={() => void run('recheck')}>
              Check again
            </Button>
          }
        >
          {connection.error.message}
        </Banner>
      ) : null}
      {failure ? <Banner tone="error">{failure}</Banner> : null}
    </div>
  );
}
