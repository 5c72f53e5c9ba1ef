import { useEffect, useId } from 'react';
import { Banner, Button, Card } from '../../app/theme';
import { announce } from '../announcer/store';
import { useAppStore } from '../app/store';
import { LOGIN_ITEM_STATUS_WORDS, loginSwitchChecked, startAtLoginHelp } from './describe';
import { readLoginItem, setStartAtLogin, useLoginItemStore } from './store';

/** Only the desktop app has a place in the OS to start from. */
export function StartAtLoginSection() {
  const info = useAppStore((s) => s.info);
  return info?.transport === 'electron' ? <StartAtLoginCard os={info.os} /> : null;
}

/**
 * Starting at login, as the OS reports it: the switch follows the OS's answer read back after
 * every change (and on "Check again", after a change made in the OS's own settings), and says so
 * when the OS holds it back or this build cannot.
 */
function StartAtLoginCard({ os }: { os: Parameters<typeof startAtLoginHelp>[0] }) {
  const view = useLoginItemStore((s) => s.view);
  const busy = useLoginItemStore((s) => s.busy);
  const error = useLoginItemStore((s) => s.error);
  const id = useId();
  useEffect(() => {
    void readLoginItem();
  }, []);

  const toggle = async (enabled: boolean) => {
    const next = await setStartAtLogin(enabled);
    if (next) announce(LOGIN_ITEM_STATUS_WORDS[next.status]);
  };

  const status = view ? LOGIN_ITEM_STATUS_WORDS[view.status] : 'Asking the system…';
  return (
    <Card title="Start at login" description="Have Vexa Companion start when you log in to this computer.">
      <div className="stack-sm">
        <label className="switch-row" htmlFor={id}>
          <span className="switch-text">
            <span className="switch-label">Start Vexa Companion when I log in, hidden in the tray</span>
            <span className="muted" id={`${id}-help`}>
              {startAtLoginHelp(os)}
            </span>
          </span>
          <input
            id={id}
            type="checkbox"
            role="switch"
            className="switch"
            checked={loginSwitchChecked(view)}
            disabled={!view || !view.canChange || busy}
            aria-describedby={`${id}-help ${id}-status`}
            onChange={(e) => void toggle(e.target.checked)}
          />
        </label>
        <p id={`${id}-status`} data-testid="login-item-status" data-status={view?.status ?? 'reading'}>
          <strong>System:</strong> {status}
        </p>
        {view?.message ? <Banner tone={view.status === 'failed' ? 'error' : 'warn'}>{view.message}</Banner> : null}
        {error ? <Banner tone="error">{error}</Banner> : null}
        <div>
          <Button variant="secondary" onClick={() => void readLoginItem()} disabled={busy}>
            Check again
          </Button>
        </div>
      </div>
    </Card>
  );
}
