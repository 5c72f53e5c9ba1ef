import { useState } from 'react';
import type { Theme } from '../../../shared/ipc/models';
import { Banner, Card } from '../../app/theme';
import { announce } from '../announcer/store';
import { changeTheme } from './actions';
import { useSettingsStore } from './store';

const themeChoices: Array<{ value: Theme; label: string; help: string }> = [
  { value: 'system', label: 'System', help: 'Follow the light or dark setting of your computer' },
  { value: 'light', label: 'Light', help: 'Always light' },
  { value: 'dark', label: 'Dark', help: 'Always dark' },
];

export function AppearanceSection() {
  const theme = useSettingsStore((s) => s.theme);
  const [error, setError] = useState<string | null>(null);
  const pick = async (value: Theme) => {
    setError(null);
    const failure = await changeTheme(value);
    if (failure) setError(failure);
    else announce(`Theme: ${value}.`);
  };
  return (
    <Card title="Appearance">
      <fieldset className="theme-choices">
        <legend className="field-label">Theme</legend>
        {themeChoices.map((choice) => (
          <label key={choice.value} className="theme-choice radio-card" data-checked={theme === choice.value}>
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={theme === choice.value}
              onChange={() => void pick(choice.value)}
            />
            <span className={`theme-swatch theme-swatch-${choice.value}`} aria-hidden="true" />
            <span className="theme-choice-text">
              <span>{choice.label}</span>
              <span className="muted">{choice.help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error ? <Banner tone="error">{error}</Banner> : null}
    </Card>
  );
}
