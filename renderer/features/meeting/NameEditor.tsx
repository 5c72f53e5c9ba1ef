import { useEffect, useRef, useState } from 'react';
import { Bidi } from '../../app/theme';
import { PencilIcon } from './icons';
import { saveEdit } from './actions';

/**
 * The meeting's name as a heading that turns into a field: Enter or leaving the field saves,
 * Escape cancels. An empty name is refused (the server would show the platform and id anyway).
 */
export function NameEditor({ name, title }: { name: string | null; title: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Enter, Escape and the blur that follows the field's removal must act once.
  const active = useRef(false);
  const refocus = useRef(false);

  useEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const start = () => {
    active.current = true;
    setDraft(name ?? '');
    setEditing(true);
  };

  const finish = (save: boolean) => {
    if (!active.current) return;
    active.current = false;
    setEditing(false);
    const next = draft.trim();
    if (save && next !== '' && next !== (name ?? '').trim()) void saveEdit('name', next);
  };

  if (editing) {
    return (
      <input
        ref={input}
        className="name-input"
        aria-label="Meeting name"
        maxLength={500}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            refocus.current = true;
            finish(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            refocus.current = true;
            finish(false);
          }
        }}
      />
    );
  }
  return (
    <h2 className="meeting-name">
      <button ref={button} type="button" className="name-button" onClick={start} title="Rename" aria-label={`${title}, rename`}>
        <Bidi className="break">{title}</Bidi>
        <PencilIcon size={15} className="name-pencil" />
      </button>
    </h2>
  );
}
