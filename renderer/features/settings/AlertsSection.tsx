import { useId, useState, type FormEvent } from 'react';
import type { LaunchDefaults } from '../../../shared/ipc/models';
import { Banner, Button, Card, SelectField, TextField } from '../../app/theme';
import { announce } from '../announcer/store';
import { languageChoices, TaskChoice } from '../launch/BotOptions';
import { saveLaunchDefaults } from './actions';
import { SwitchSetting } from './SwitchSetting';
import { useSettingsStore } from './store';

export function AlertsSection() {
  return (
    <Card title="Alerts" description="When a bot waits in the lobby, is admitted, or its meeting ends, the app tells you.">
      <SwitchSetting
        setting="doNotDisturb"
        label="Do not disturb"
        help="No system notifications. Alerts still show in the app (the lobby banner) and in the tray."
        announceOn="Do not disturb is on."
        announceOff="Do not disturb is off."
      />
    </Card>
  );
}

function LaunchDefaultsForm({ saved }: { saved: LaunchDefaults }) {
  const [draft, setDraft] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const taskName = useId();
  const changed = draft.botName !== saved.botName || draft.language !== saved.language || draft.task !== saved.task;
  const nameMissing = draft.botName.trim() === '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed || busy || nameMissing) return;
    setBusy(true);
    setError(null);
    const failure = await saveLaunchDefaults({ ...draft, botName: draft.botName.trim() });
    setBusy(false);
    if (failure) setError(failure);
    else announce('Launch defaults saved.');
  };

  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Launch defaults">
      <div className="defaults-grid">
        <TextField
          label="Bot name"
          autoComplete="off"
          value={draft.botName}
          onChange={(e) => setDraft({ ...draft, botName: e.target.value })}
          error={nameMissing ? 'Give the bot a name people in the meeting will recognise.' : null}
        />
        <SelectField
          label="Language"
          value={draft.language}
          options={languageChoices(draft.language)}
          onChange={(e) => setDraft({ ...draft, language: e.target.value })}
        />
        <TaskChoice value={draft.task} name={taskName} onChange={(task) => setDraft({ ...draft, task })} />
      </div>
      {error ? <Banner tone="error">{error}</Banner> : null}
      <div className="row defaults-actions">
        {changed ? (
          <Button variant="ghost" onClick={() => setDraft(saved)}>
            Undo changes
          </Button>
        ) : null}
        <Button type="submit" variant="primary" busy={busy} unavailable={!changed || nameMissing}>
          Save defaults
        </Button>
      </div>
    </form>
  );
}

export function LaunchDefaultsSection() {
  const saved = useSettingsStore((s) => s.launch);
  return (
    <Card
      title="Launch defaults"
      description="What a new bot uses unless you change it under Bot options. Sending a bot with other options remembers them."
    >
      {/* Remounts when the saved defaults change elsewhere (a launch remembers its options). */}
      <LaunchDefaultsForm key={`${saved.botName}|${saved.language}|${saved.task}`} saved={saved} />
    </Card>
  );
}
