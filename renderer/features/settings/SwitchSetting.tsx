import { useId, useState } from 'react';
import { Banner } from '../../app/theme';
import { announce } from '../announcer/store';
import { changeSwitch, type SwitchSettingName } from './actions';
import { useSettingsStore } from './store';

interface SwitchSettingProps {
  setting: SwitchSettingName;
  label: string;
  /** What the switch does, read with it by screen readers. */
  help: string;
  announceOn: string;
  announceOff: string;
}

/** One on/off setting: a labelled switch that saves at once and says so, or says why it could not. */
export function SwitchSetting({ setting, label, help, announceOn, announceOff }: SwitchSettingProps) {
  const checked = useSettingsStore((s) => s[setting]);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const toggle = async (value: boolean) => {
    setError(null);
    const failure = await changeSwitch(setting, value);
    if (failure) setError(failure);
    else announce(value ? announceOn : announceOff);
  };
  return (
    <div className="stack-sm">
      <label className="switch-row" htmlFor={id}>
        <span className="switch-text">
          <span className="switch-label">{label}</span>
          <span className="muted" id={`${id}-help`}>
            {help}
          </span>
        </span>
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={checked}
          aria-describedby={`${id}-help`}
          onChange={(e) => void toggle(e.target.checked)}
        />
      </label>
      {error ? <Banner tone="error">{error}</Banner> : null}
    </div>
  );
}
