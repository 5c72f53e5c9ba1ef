import { useId, useState } from 'react';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { keyOfTracked } from '../../app/meetingKey';
import { InlineError, Segmented, Spinner } from '../../app/theme';
import { StopButton } from '../bots/StopButton';
import { canStop } from '../bots/describe';
import { useBotsStore } from '../bots/store';
import { canConfigure } from '../captions/describe';
import { useServersStore } from '../servers/store';
import { languageChoices } from '../launch/BotOptions';
import { languageName, TASKS } from '../launch/describe';
import { configureBot, type BotConfigChange } from './actions';

type Task = 'transcribe' | 'translate';

/**
 * The running bot's language and task (`bots:config`), and Stop. The server does not report a
 * running bot's settings, so the controls start at "detect" and show what the captions are in.
 */
export function BotControls({ meeting, heardLanguage }: { meeting: TrackedMeetingView; heardLanguage: string | null }) {
  // What the meeting's own server can do, not the current server's.
  const supported = useServersStore((s) => s.servers.find((v) => v.id === meeting.serverId)?.capabilities?.botConfigUpdate ?? false);
  const stopping = useBotsStore((s) => s.busy[keyOfTracked(meeting)] === 'stop');
  const [language, setLanguage] = useState('auto');
  const [task, setTask] = useState<Task>('transcribe');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const languageId = useId();
  const taskName = useId();
  const configurable = canConfigure(meeting.status);
  const stoppable = canStop(meeting.status);
  if (!configurable && !stoppable) return null;

  const apply = async (change: BotConfigChange, undo: () => void) => {
    setBusy(true);
    setError(null);
    const failure = await configureBot(meeting, change);
    setBusy(false);
    if (failure) {
      setError(failure);
      undo();
    }
  };

  return (
    <section className="bot-controls" aria-label="The bot in this meeting">
      {configurable && supported ? (
        <>
          <div className="bot-control">
            <label htmlFor={languageId}>Language</label>
            <select
              id={languageId}
              value={language}
              aria-describedby={heardLanguage ? `${languageId}-heard` : undefined}
              onChange={(e) => {
                const previous = language;
                setLanguage(e.target.value);
                void apply({ language: e.target.value }, () => setLanguage(previous));
              }}
            >
              {languageChoices(language).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {heardLanguage ? (
              <span id={`${languageId}-heard`} className="bot-control-note muted">
                Captions in {languageName(heardLanguage)}
              </span>
            ) : null}
          </div>
          <fieldset className="bot-control bot-task">
            <legend>Task</legend>
            <Segmented
              options={TASKS}
              value={task}
              name={taskName}
              onChange={(next) => {
                const previous = task;
                setTask(next);
                void apply({ task: next }, () => setTask(previous));
              }}
            />
          </fieldset>
          {busy ? <Spinner label="Sending to the bot…" /> : null}
        </>
      ) : null}
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="spacer" />
      {stoppable ? (
        <StopButton meeting={meeting} busy={stopping} ariaLabel={`${stopping ? 'Stopping…' : 'Stop bot'} (${meeting.name})`} />
      ) : null}
    </section>
  );
}
