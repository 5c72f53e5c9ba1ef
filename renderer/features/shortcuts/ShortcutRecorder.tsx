import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { displayAcceleratorText, type ShortcutPlatform } from '../../../shared/shortcuts/accelerator';
import { recordKeys } from '../../../shared/shortcuts/keyEvent';
import { Button, TextField } from '../../app/theme';
import { announce } from '../announcer/store';
import { setRecording } from './actions';

interface ShortcutRecorderProps {
  label: string;
  initial: string;
  platform: ShortcutPlatform;
  /** Saves the keys; resolves to the reason when the core refuses them. */
  onSave(accelerator: string): Promise<string | null>;
  onDone(): void;
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;

/**
 * Records keys for a shortcut. Pressing a combination with Ctrl, ⌘, Alt or the Windows key fills
 * the field with it; the field also takes typed text (CommandOrControl+Shift+B), so nobody has to
 * press chords they cannot. Plain Tab leaves the field, Enter saves, Escape cancels. While the
 * field has the focus the app's shortcuts are paused, so the current keys reach it.
 */
export function ShortcutRecorder({ label, initial, platform, onSave, onDone }: ShortcutRecorderProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    return () => setRecording(false);
  }, []);

  const save = async () => {
    setBusy(true);
    const refused = await onSave(value);
    setBusy(false);
    if (refused) {
      setError(refused);
      input.current?.focus();
      return;
    }
    announce(`${label}: ${displayAcceleratorText(value, platform)}.`);
    onDone();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && plain(e)) {
      e.preventDefault();
      e.stopPropagation();
      onDone();
      return;
    }
    if (e.key === 'Enter' && plain(e)) {
      e.preventDefault();
      void save();
      return;
    }
    // Typing (letters, Shift for capitals, Backspace, arrows) and Tab work as in any field.
    const chord = e.ctrlKey || e.metaKey || e.altKey || /^(F\d+|Audio\w+|Media\w+)$/.test(e.code);
    if (!chord) return;
    // The keys are being recorded, not used: Ctrl+K must not also open the library.
    e.preventDefault();
    e.stopPropagation();
    const recorded = recordKeys(e.nativeEvent, platform);
    if (recorded.kind === 'modifiers') return;
    if (recorded.kind === 'unknown') {
      setError(`The app cannot use “${recorded.key}” in a shortcut. Try another key.`);
      return;
    }
    setError(null);
    setValue(recorded.accelerator);
    announce(`${displayAcceleratorText(recorded.accelerator, platform)}. Press Enter to save.`);
  };

  return (
    <div className="stack-sm">
      <TextField
        ref={input}
        label={`New keys for “${label}”`}
        value={value}
        spellCheck={false}
        autoComplete="off"
        error={error}
        help="Press the keys together, or type them (for example CommandOrControl+Shift+B). Enter saves, Escape cancels."
        onChange={(e) => {
          setError(null);
          setValue(e.target.value);
        }}
        onFocus={() => setRecording(true)}
        onBlur={() => setRecording(false)}
        onKeyDown={onKeyDown}
      />
      <div className="row">
        <Button variant="primary" busy={busy} onClick={() => void save()}>
          Save keys
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}
