import { useEffect, useState } from 'react';
import { Banner, Button, Dialog, EmptyState } from '../../app/theme';
import { PlugOffIcon } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import { useNavigationStore } from '../navigation/store';
import { ConnectForm } from '../onboarding/ConnectForm';
import { useOnboardingStore } from '../onboarding/store';
import { reconnectServer, setCurrentServer } from './actions';
import { canSendFrom, keyNeededElsewhere, offlineNotice } from './describe';
import { useServersStore } from './store';
import './servers.css';

function useOfflineNotice() {
  const servers = useServersStore((s) => s.servers);
  const currentServerId = useServersStore((s) => s.currentServerId);
  return offlineNotice(servers, currentServerId);
}

/** Reconnects one server (asking for its key where it has none), or leads to the list of servers. */
function ReconnectAction({ serverId, primary = false, text }: { serverId: string | null; primary?: boolean; text: string }) {
  const server = useServersStore((s) => s.servers.find((v) => v.id === serverId) ?? null);
  const go = useNavigationStore((s) => s.go);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    if (!server) return go('settings');
    setBusy(true);
    setFailure(null);
    const problem = await reconnectServer(server);
    setBusy(false);
    setFailure(problem);
  };
  return (
    <>
      <Button size="sm" variant={primary ? 'primary' : 'secondary'} busy={busy} onClick={() => void run()}>
        {server ? text : 'Add a server'}
      </Button>
      {failure ? (
        <span className="sr-only" role="alert">
          {failure}
        </span>
      ) : null}
    </>
  );
}

/**
 * Above every screen: no server is connected (the library still works), with the reconnect one
 * click away; or a server waiting for its key while others work.
 */
export function ServerBanners() {
  const notice = useOfflineNotice();
  const servers = useServersStore((s) => s.servers);
  const waiting = keyNeededElsewhere(servers);
  if (notice) {
    return (
      <div className="banners">
        <Banner
          tone="warn"
          title="Not connected"
          actions={<ReconnectAction serverId={notice.server?.id ?? null} primary text="Reconnect" />}
        >
          {notice.text}
        </Banner>
      </div>
    );
  }
  if (waiting.length === 0) return null;
  return (
    <div className="banners">
      {waiting.map((server) => (
        <Banner key={server.id} tone="warn" actions={<ReconnectAction serverId={server.id} text={`Enter key for ${server.label}`} />}>
          {server.error?.message ?? `${server.label} needs its API key again.`}
        </Banner>
      ))}
    </div>
  );
}

/** In place of a screen that needs a server (sending a bot, live captions, administration) while none is connected. */
export function NeedsServer({ what }: { what: string }) {
  const notice = useOfflineNotice();
  const go = useNavigationStore((s) => s.go);
  const label = notice?.server?.label ?? null;
  return (
    <EmptyState
      icon={<PlugOffIcon size={22} />}
      title={`${what} needs a connected server`}
      actions={
        <>
          {notice?.server ? <ReconnectAction serverId={notice.server.id} primary text={`Reconnect ${notice.server.label}`} /> : null}
          <Button size="sm" onClick={() => go('settings')}>
            Servers in Settings
          </Button>
          <Button size="sm" variant="ghost" onClick={() => go('library')}>
            Open the library
          </Button>
        </>
      }
    >
      {label
        ? `${label} is not connected. Your meetings stay readable in the library.`
        : 'Add a server in Settings. Your meetings stay readable in the library.'}
    </EmptyState>
  );
}

/** The key of one server, asked for wherever "Reconnect" or "Enter key" was chosen; mounted once by the shell. */
export function ReconnectDialog() {
  const serverId = useServersStore((s) => s.reconnecting);
  const server = useServersStore((s) => s.servers.find((v) => v.id === serverId) ?? null);
  const close = () => useServersStore.getState().openReconnect(null);
  // The form keeps its errors and test result in the start screen's store: each server starts clean.
  useEffect(() => {
    if (serverId) useOnboardingStore.getState().reset();
  }, [serverId]);
  const onConnected = (name: string) => {
    close();
    const { servers, currentServerId } = useServersStore.getState();
    // Without a working current server, the screens of one server at a time follow this one.
    const current = servers.find((s) => s.id === currentServerId);
    if (server && (!current || !canSendFrom(current))) void setCurrentServer(server.id);
    announce(`${name} is connected again.`);
  };
  return (
    <Dialog
      open={server !== null}
      title={server ? `Enter the API key for ${server.label}` : ''}
      description={
        server ? (
          <p className="break">
            {server.error?.message ?? `The app no longer has the key for ${server.label}. It is sent to ${server.url} only.`}
          </p>
        ) : null
      }
      onClose={close}
      actions={
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
      }
    >
      {server ? (
        <ConnectForm
          key={server.id}
          target={{ kind: 'reenter', server: { id: server.id, url: server.url, label: server.label } }}
          label={null}
          onConnected={onConnected}
        />
      ) : null}
    </Dialog>
  );
}
