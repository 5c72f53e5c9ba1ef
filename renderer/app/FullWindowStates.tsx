import { link } from '../platform/api';
import { Button, EmptyState, Spinner } from './theme';
import { PlugOffIcon } from './theme/icons';

export function CoreLost() {
  return (
    <main className="full-window" role="alert">
      <EmptyState
        icon={<PlugOffIcon size={22} />}
        title="The app's core stopped"
        actions={<Button onClick={() => link.reconnectNow()}>Try again now</Button>}
      >
        Restart it with <code>npm run web</code>, then open the address it prints. Until then this window keeps trying to reconnect.
      </EmptyState>
      <Spinner label="Trying to reconnect…" />
    </main>
  );
}

/** The app was restarted with a new token: retrying with the old one cannot help, so the page stops and says what will. */
export function TokenRefused() {
  return (
    <main className="full-window" role="alert">
      <EmptyState icon={<PlugOffIcon size={22} />} title="This tab's address is out of date">
        Vexa Companion was restarted and gave itself a new address. Paste the address it printed (it ends in <code>#token=…</code>) into
        this tab's address bar, and the page reloads with it.
      </EmptyState>
    </main>
  );
}

export function MissingToken() {
  return (
    <main className="full-window">
      <EmptyState icon={<PlugOffIcon size={22} />} title="This page needs its access link">
        Open the address printed by <code>npm run web</code>. It carries a one-time token that lets this page talk to the app's core.
      </EmptyState>
    </main>
  );
}
