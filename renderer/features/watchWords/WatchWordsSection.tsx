import { useId, useState } from 'react';
import { sameWatchWord, SUGGESTED_WATCH_WORDS } from '../../../shared/watchWords/match';
import type { WatchWordSettings } from '../../../shared/watchWords/defaults';
import { Banner, Button, Card } from '../../app/theme';
import { announce } from '../announcer/store';
import { ChipsEditor } from '../meeting/ChipsEditor';
import { useSettingsStore } from '../settings/store';
import { saveWatchWords } from './actions';
import { checkWatchWord } from './describe';
import '../meeting/editing.css';
import './watchWords.css';

/** Settings → Watch words: the words and phrases that call the person back, and a switch for all of them. */
export function WatchWordsSection() {
  const settings = useSettingsStore((s) => s.watchWords);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = async (next: WatchWordSettings, said: string) => {
    setError(null);
    const failure = await saveWatchWords(next);
    if (failure) setError(failure);
    else announce(said);
  };
  const setWords = (words: string[]) => {
    const added = words.find((w) => !settings.words.includes(w));
    const removed = settings.words.find((w) => !words.includes(w));
    void save({ ...settings, words }, added ? `Watching “${added}”.` : removed ? `No longer watching “${removed}”.` : 'Watch words saved.');
  };
  const suggestions = SUGGESTED_WATCH_WORDS.filter((s) => !settings.words.some((w) => sameWatchWord(w, s)));

  return (
    <Card
      title="Watch words"
      description="Words and phrases that call you back: your name, your project, “any questions”. When one is said in a live meeting, a notification shows the line and who said it, and the meeting lists it."
    >
      <div className="stack">
        <label className="switch-row" htmlFor={id}>
          <span className="switch-text">
            <span className="switch-label" id={`${id}-label`}>
              Alert me when a watch word is said
            </span>
            <span className="muted" id={`${id}-help`}>
              Only lines the server has confirmed count. Do not disturb keeps the notifications back; the meeting still lists the lines.
            </span>
          </span>
          <input
            id={id}
            type="checkbox"
            role="switch"
            className="switch"
            checked={settings.enabled}
            // Named by its label alone: the help below mentions Do not disturb, whose own switch is named so.
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-help`}
            onChange={(e) =>
              void save({ ...settings, enabled: e.target.checked }, e.target.checked ? 'Watch words are on.' : 'Watch words are off.')
            }
          />
        </label>
        <ChipsEditor
          label="Watch words"
          values={settings.words}
          placeholder={settings.words.length ? 'Add another word or phrase' : 'Add a word or phrase, then Enter'}
          check={(text) => checkWatchWord(text, settings.words)}
          onChange={setWords}
        />
        {suggestions.length ? (
          <div className="watch-suggestions">
            <span className="muted">Suggestions:</span>
            {suggestions.map((s) => (
              <Button key={s} size="sm" variant="ghost" aria-label={`Add “${s}”`} onClick={() => setWords([...settings.words, s])}>
                <span aria-hidden="true">+ </span>
                {s}
              </Button>
            ))}
          </div>
        ) : null}
        {error ? <Banner tone="error">{error}</Banner> : null}
      </div>
    </Card>
  );
}
