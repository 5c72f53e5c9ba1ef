import { useId, useState, type KeyboardEvent } from 'react';
import { Bidi, InlineError } from '../../app/theme';
import { CrossIcon } from '../../app/theme/icons';

export interface ChipsEditorProps {
  label: string;
  values: readonly string[];
  placeholder: string;
  /** Turns typed text into a value, or says what is wrong with it. */
  check?(text: string): { ok: true; value: string } | { ok: false; message: string };
  onChange(values: string[]): void;
}

/**
 * A list edited as chips: Enter or a comma adds what was typed, each chip has a remove button,
 * Backspace in the empty field removes the last one. Every change is one edit.
 */
export function ChipsEditor({ label, values, placeholder, check, onChange }: ChipsEditorProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const add = () => {
    const text = draft.trim();
    if (!text) return;
    const checked = check ? check(text) : ({ ok: true, value: text } as const);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    setDraft('');
    if (values.some((v) => v.toLowerCase() === checked.value.toLowerCase())) return;
    onChange([...values, checked.value]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      event.preventDefault();
      onChange(values.slice(0, -1));
    } else if (event.key === 'Escape' && draft) {
      event.preventDefault();
      event.stopPropagation();
      setDraft('');
      setProblem(null);
    }
  };

  return (
    <div className="chips-editor">
      <ul className="chips" aria-label={label}>
        {values.map((value) => (
          <li key={value} className="chip">
            <Bidi className="break">{value}</Bidi>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${value}`}
              onClick={() => onChange(values.filter((v) => v !== value))}
            >
              <CrossIcon size={12} />
            </button>
          </li>
        ))}
        <li className="chip-input">
          <label className="sr-only" htmlFor={id}>
            {`Add to ${label.toLowerCase()}`}
          </label>
          <input
            id={id}
            value={draft}
            placeholder={placeholder}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              if (problem) setProblem(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={add}
          />
        </li>
      </ul>
      {problem ? <InlineError id={`${id}-problem`}>{problem}</InlineError> : null}
    </div>
  );
}
