import { useEffect, useId, useState } from 'react';
import type { ServerConnectionView } from '../../../shared/ipc/models';
import { Banner, Bidi, Button, Dialog } from '../../app/theme';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { ConnectForm } from '../onboarding/ConnectForm';
import { useOnboardingStore } from '../onboarding/store';
import { disconnectServerById, removeServer } from './actions';

/** Another server beside those connected: the start screen's form, its key going to the address typed. */
export function AddServerDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  // The start screen's form keeps what was typed in its store; a new dialog starts clean.
  useEffect(() => {
    if (open) useOnboardingStore.getState().reset();
  }, [open]);
  return (
    <Dialog
      open={open}
      title="Add a server"
      description={<p>Vexa Cloud or a server you run yourself. The servers already connected stay connected.</p>}
      onClose={onClose}
      actions={
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      }
    >
      <ConnectForm
        target={{ kind: 'add' }}
        label={null}
        onConnected={(name) => {
          onClose();
          announce(`${name} added.`);
        }}
      />
    </Dialog>
  );
}

/** Forgetting a server's key is a choice made once, knowing the key is needed to come back. */
export function DisconnectDialog({ server, onClose }: { server: ServerConnectionView | null; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!server) return;
    setBusy(true);
    const result = await disconnectServerById(server.id);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    close();
    announce(`Disconnected from ${server.label}. Its meetings stay on this computer.`);
  };
  return (
    <Dialog
      open={server !== null}
      title={
        server ? (
          <>
            Disconnect from <Bidi>{server.label}</Bidi>?
          </>
        ) : (
          ''
        )
      }
      description={
        server ? (
          <p className="break">
            {server.demo
              ? 'The demo ends and its sample meetings leave this computer.'
              : `The app forgets the API key it keeps for ${server.url}, and its admin key and webhook secret if you stored them. Its meetings stay on this computer to read, search and export. To connect again you need the key.`}
          </p>
        ) : null
      }
      onClose={close}
      actions={
        <>
          <Button variant="ghost" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            Disconnect
          </Button>
        </>
      }
    >
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}

function useMeetingCount(serverId: string | null): number | null {
  const [counted, setCounted] = useState<{ serverId: string; count: number } | null>(null);
  useEffect(() => {
    if (!serverId) return;
    let live = true;
    void api.invoke('cache:stats').then((stats) => {
      if (live && stats.ok) setCounted({ serverId, count: stats.value.servers.find((s) => s.serverId === serverId)?.meetings ?? 0 });
    });
    return () => {
      live = false;
    };
  }, [serverId]);
  return counted && counted.serverId === serverId ? counted.count : null;
}

const meetingsWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'meeting' : 'meetings'}`;

/**
 * Removing a server asks what becomes of its meetings on this computer: kept (the default,
 * labelled with its name) or deleted with their transcripts, notes and search entries. Nothing is
 * deleted on the server. A server already removed offers only the deletion.
 */
export function RemoveServerDialog({ server, onClose }: { server: ServerConnectionView | null; onClose(): void }) {
  const [keep, setKeep] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const count = useMeetingCount(server?.id ?? null);
  const onlyDelete = server?.status === 'removed';
  const keeping = keep && !onlyDelete;
  const close = () => {
    setError(null);
    setKeep(true);
    onClose();
  };
  const confirm = async () => {
    if (!server) return;
    setBusy(true);
    const result = await removeServer(server.id, keeping);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    close();
    announce(
      keeping
        ? `${server.label} removed. Its meetings stay on this computer.`
        : `${server.label} removed, and its meetings deleted from this computer.`,
    );
  };
  const what = count === null ? 'its meetings' : meetingsWord(count);
  return (
    <Dialog
      open={server !== null}
      title={
        server ? (
          <>
            {onlyDelete ? 'Delete the meetings of' : 'Remove'} <Bidi>{server.label}</Bidi>?
          </>
        ) : (
          ''
        )
      }
      description={
        server ? (
          <p className="break">
            {onlyDelete
              ? `${server.label} was removed with its meetings kept. This deletes ${what} from this computer, with their transcripts, notes and search entries. Nothing is deleted on the server.`
              : `The app forgets ${server.url} and its key. Nothing is deleted on the server.`}
          </p>
        ) : null
      }
      onClose={close}
      actions={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {keeping ? 'Remove, keep its meetings' : onlyDelete ? 'Delete its meetings' : 'Remove and delete its meetings'}
          </Button>
        </>
      }
    >
      {server && !onlyDelete ? (
        <fieldset className="remove-choices">
          <legend>{`Its meetings on this computer${count === null ? '' : ` (${meetingsWord(count)})`}`}</legend>
          <label className="choice">
            <input type="radio" name={name} checked={keep} onChange={() => setKeep(true)} data-autofocus />
            <span>
              <strong>Keep them on this computer</strong>
              <span className="muted"> — to read, search and export, labelled {server.label}.</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name={name} checked={!keep} onChange={() => setKeep(false)} />
            <span>
              <strong>Delete them from this computer</strong>
              <span className="muted"> — with their transcripts, notes and search entries. This cannot be undone.</span>
            </span>
          </label>
        </fieldset>
      ) : null}
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Dialog>
  );
}
