import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../app/format';
import { Button, Card, Dialog, InlineError, TextField } from '../../app/theme';
import { checkForUpdates, loadUpdates, restartToUpdate, saveFeed, setUpdatesEnabled } from './actions';
import { canCheckNow, canConfigure, lastCheckText, restartQuestion, statusText } from './describe';
import { useUpdatesStore } from './store';
import './updates.css';

/** Settings → Updates: the version, what the updater is doing, its release notes, and the person's two choices. */
export function UpdatesSection() {
  const view = useUpdatesStore((s) => s.view);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'restart' | null>(null);
  const [askAbout, setAskAbout] = useState<string[] | null>(null);
  useEffect(() => void loadUpdates(), []);
  if (!view) return null;

  const { state } = view;
  const offer =
    state.phase === 'available' || state.phase === 'downloading' || state.phase === 'ready'
      ? state.offer
      : state.phase === 'error'
        ? state.offer
        : null;
  const check = async () => {
    setBusy('check');
    setError(await checkForUpdates());
    setBusy(null);
  };
  const restart = async (confirmLive: boolean) => {
    setBusy('restart');
    const outcome = await restartToUpdate(confirmLive);
    setBusy(null);
    setAskAbout(outcome && 'confirm' in outcome ? outcome.confirm : null);
    setError(outcome && 'error' in outcome ? outcome.error : null);
  };
  const last = lastCheckText(view, formatDateTime);

  return (
    <Card title="Updates" description={`This is Vexa Companion ${view.currentVersion}.`}>
      <div className="stack-sm updates">
        <p className={state.phase === 'error' ? 'updates-status updates-status-error' : 'updates-status'} data-testid="update-status">
          {statusText(view)}
        </p>
        {state.phase === 'downloading' ? (
          <progress
            className="updates-progress"
            max={100}
            value={state.progress ? state.progress.percent : undefined}
            aria-label={`Download of version ${state.offer.version}`}
          />
        ) : null}
        {last ? <p className="muted">{last}</p> : null}
        <div className="updates-actions">
          {state.phase === 'ready' ? (
            <Button variant="primary" busy={busy === 'restart'} onClick={() => void restart(false)}>
              Restart now
            </Button>
          ) : null}
          {canConfigure(view) && state.phase !== 'disabled' ? (
            <Button busy={busy === 'check' || state.phase === 'checking'} unavailable={!canCheckNow(view)} onClick={() => void check()}>
              Check now
            </Button>
          ) : null}
        </div>
        {error ? <InlineError>{error}</InlineError> : null}
        {offer?.notes ? (
          <details className="disclosure updates-notes" open={state.phase === 'ready'}>
            <summary>What’s new in version {offer.version}</summary>
            <div className="updates-notes-text">{offer.notes}</div>
          </details>
        ) : null}
        {/* Keyed by the saved feed: the field starts again from what the core saved. */}
        {canConfigure(view) ? <UpdateChoices key={view.settings.feedUrl ?? ''} /> : null}
      </div>
      <Dialog
        open={askAbout !== null}
        title="Restart while a bot is in a meeting?"
        description={askAbout ? restartQuestion(askAbout) : undefined}
        onClose={() => setAskAbout(null)}
        actions={
          <>
            <Button onClick={() => setAskAbout(null)} data-autofocus>
              Later
            </Button>
            <Button variant="primary" busy={busy === 'restart'} onClick={() => void restart(true)}>
              Restart and install
            </Button>
          </>
        }
      />
    </Card>
  );
}

/** On/off and the feed, saved in settings.json by the core. */
function UpdateChoices() {
  const view = useUpdatesStore((s) => s.view);
  const saved = view?.settings.feedUrl ?? '';
  const [feed, setFeed] = useState(saved);
  const [feedError, setFeedError] = useState<string | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  if (!view) return null;
  const enabled = view.settings.enabled;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFeedError(await saveFeed(feed));
    setSaving(false);
  };
  return (
    <>
      <div className="stack-sm">
        <label className="switch-row" htmlFor={id}>
          <span className="switch-text">
            <span className="switch-label">Keep Vexa Companion up to date</span>
            <span className="muted" id={`${id}-help`}>
              Looks for a new version when the app starts and every few hours, downloads it in the background and installs it when the app
              restarts. Off: the app never looks for, downloads or installs a new version.
            </span>
          </span>
          <input
            id={id}
            type="checkbox"
            role="switch"
            className="switch"
            checked={enabled}
            aria-describedby={`${id}-help`}
            onChange={(e) => void setUpdatesEnabled(e.target.checked).then(setSwitchError)}
          />
        </label>
        {switchError ? <InlineError>{switchError}</InlineError> : null}
      </div>
      <form className="updates-feed" onSubmit={(e) => void submit(e)}>
        <TextField
          label="Update feed"
          type="url"
          inputMode="url"
          spellCheck={false}
          value={feed}
          placeholder={view.settings.feedUrl ? undefined : 'The built-in feed'}
          onChange={(e) => setFeed(e.target.value)}
          error={feedError}
          help={
            // File names and "built-in" stay whole on a line: a name split at its hyphen reads as two.
            <>
              {view.feed ? `Checks ${view.feed}. ` : null}Leave empty for the <span className="nowrap">built-in</span> feed; another feed is
              a folder (https) holding <span className="nowrap">latest.yml</span>, <span className="nowrap">latest-mac.yml</span> and{' '}
              <span className="nowrap">latest-linux.yml</span>.
            </>
          }
        />
        <Button type="submit" busy={saving} unavailable={feed.trim() === saved}>
          Save feed
        </Button>
      </form>
    </>
  );
}
