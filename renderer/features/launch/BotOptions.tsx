import { useId, type Ref } from 'react';
import { Segmented, SelectField, TextField } from '../../app/theme';
import { ChevronIcon } from '../../app/theme/icons';
import { LANGUAGES, languageName, TASKS, type ResolvedOptions } from './describe';
import { useLaunchStore, type Task } from './store';
import './launch.css';

const languageOptions = LANGUAGES.map((l) => ({ value: l.code, label: l.code === 'auto' ? l.name : `${l.name} (${l.code})` }));

/** Language options, with a remembered code the list does not name kept selectable. */
export function languageChoices(current: string): Array<{ value: string; label: string }> {
  return languageOptions.some((o) => o.value === current) ? languageOptions : [...languageOptions, { value: current, label: current }];
}

export function TaskChoice({ value, onChange, name }: { value: Task; onChange(task: Task): void; name: string }) {
  return (
    <fieldset className="segmented">
      <legend className="field-label">Task</legend>
      <Segmented options={TASKS} value={value} onChange={onChange} name={name} />
      <div className="field-help">{TASKS.find((t) => t.value === value)?.help}</div>
    </fieldset>
  );
}

export interface BotOptionsProps {
  options: ResolvedOptions;
  showPasscode: boolean;
  passcodeFromLink: boolean;
  errors: { botName: string | null; passcode: string | null };
  botNameRef: Ref<HTMLInputElement>;
  passcodeRef: Ref<HTMLInputElement>;
}

/** Collapsed by default: most people keep their defaults. The summary says what will be sent. */
export function BotOptions({ options, showPasscode, passcodeFromLink, errors, botNameRef, passcodeRef }: BotOptionsProps) {
  const open = useLaunchStore((s) => s.optionsOpen);
  const setOpen = useLaunchStore((s) => s.setOptionsOpen);
  const setOption = useLaunchStore((s) => s.setOption);
  const bodyId = useId();
  const taskName = useId();
  const summary = [
    options.botName.trim() || 'Default name',
    languageName(options.language),
    TASKS.find((t) => t.value === options.task)?.label,
  ].join(' · ');

  return (
    <div className="bot-options">
      {showPasscode ? (
        <TextField
          ref={passcodeRef}
          label="Meeting passcode"
          autoComplete="off"
          spellCheck={false}
          value={options.passcode}
          onChange={(e) => setOption({ passcode: e.target.value })}
          error={errors.passcode}
          help={passcodeFromLink ? 'Found in the link.' : 'If the meeting asks for one. It is in the invitation, next to the link.'}
        />
      ) : null}
      <button type="button" className="options-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <ChevronIcon size={14} className="options-chevron" />
        <span className="options-label">Bot options</span>
        {open ? null : (
          <span className="options-summary muted" title={summary}>
            {summary}
          </span>
        )}
      </button>
      {open ? (
        <div id={bodyId} className="options-grid">
          <TextField
            ref={botNameRef}
            label="Bot name"
            autoComplete="off"
            value={options.botName}
            onChange={(e) => setOption({ botName: e.target.value })}
            error={errors.botName}
            help="What people in the meeting see."
          />
          <SelectField
            label="Language"
            value={options.language}
            options={languageChoices(options.language)}
            onChange={(e) => setOption({ language: e.target.value })}
            help="Naming the language spoken helps with short or mixed meetings."
          />
          <TaskChoice value={options.task} name={taskName} onChange={(task) => setOption({ task })} />
        </div>
      ) : null}
    </div>
  );
}
