import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_SHORTCUTS } from '../../../shared/ipc/shortcutSettings';
import type { ShortcutState, ShortcutView, ShortcutsView } from '../../../shared/ipc/shortcuts';
import { displayAcceleratorText, type ShortcutPlatform } from '../../../shared/shortcuts/accelerator';
import { Badge, Banner, Button, Card, type BadgeTone } from '../../app/theme';
import { announce } from '../announcer/store';
import { useAppStore } from '../app/store';
import { loadShortcuts, setShortcut } from './actions';
import { ShortcutRecorder } from './ShortcutRecorder';
import { useShortcutsStore } from './store';
import './shortcuts.css';

const STATE_WORDS: Record<ShortcutState, { text: string; tone: BadgeTone }> = {
  active: { text: 'On', tone: 'success' },
  requested: { text: 'Asked of your desktop', tone: 'info' },
  taken: { text: 'Taken by another app', tone: 'warn' },
  off: { text: 'Off', tone: 'neutral' },
  unavailable: { text: 'Not available on this desktop', tone: 'neutral' },
  conflict: { text: 'Clashes with another shortcut', tone: 'danger' },
  invalid: { text: 'Not understood', tone: 'danger' },
};

function ShortcutRow({ item, platform }: { item: ShortcutView; platform: ShortcutPlatform }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const id = useId();
  const state = STATE_WORDS[item.state];
  const fallback = DEFAULT_SHORTCUTS[item.action];
  const defaultKeys = displayAcceleratorText(fallback, platform);

  // The recorder takes the place of the buttons; when it goes, focus comes back to "Change keys".
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      change.current?.focus();
    }
  }, [editing]);

  const apply = async (accelerator: string | null, said: string) => {
    setError(null);
    const refused = await setShortcut(item.action, accelerator);
    if (refused) setError(refused);
    else announce(said);
  };

  return (
    <li className="shortcut-row stack-sm" aria-labelledby={`${id}-label`}>
      <div className="row">
        <span id={`${id}-label`} className="shortcut-label">
          {item.label}
        </span>
        <Badge tone={state.tone}>{state.text}</Badge>
      </div>
      <div className="shortcut-keys">{item.keys ? <kbd>{item.keys}</kbd> : <span className="muted">No keys</span>}</div>
      <p className="muted shortcut-message" id={`${id}-message`}>
        {item.message}
      </p>
      {editing ? (
        <ShortcutRecorder
          label={item.label}
          initial={item.accelerator ?? ''}
          platform={platform}
          onSave={(accelerator) => setShortcut(item.action, accelerator)}
          onDone={() => {
            returnFocus.current = true;
            setEditing(false);
          }}
        />
      ) : (
        <div className="row">
          <Button
            ref={change}
            aria-label={`Change keys for “${item.label}”`}
            aria-describedby={`${id}-message`}
            onClick={() => setEditing(true)}
          >
            Change keys…
          </Button>
          {item.accelerator !== null ? (
            <Button aria-label={`Turn off “${item.label}”`} onClick={() => void apply(null, `${item.label}: off.`)}>
              Turn off
            </Button>
          ) : null}
          {item.accelerator !== fallback ? (
            // The accessible name starts with the visible words (WCAG 2.5.3, label in name).
            <Button
              aria-label={`Use the default keys (${defaultKeys}) for “${item.label}”`}
              onClick={() => void apply(fallback, `${item.label}: ${defaultKeys}.`)}
            >
              Use the default keys ({defaultKeys})
            </Button>
          ) : null}
        </div>
      )}
      {error ? <Banner tone="error">{error}</Banner> : null}
    </li>
  );
}

function supportNote(view: ShortcutsView): string | null {
  if (view.support === 'portal')
    return 'On Wayland your desktop registers the keys for the app and may ask you to allow them once. Its own keyboard settings show them.';
  return null;
}

/** The global shortcuts, each with its keys and its state in words the person can act on. */
export function ShortcutsSection() {
  const view = useShortcutsStore((s) => s.view);
  const os = useAppStore((s) => s.info?.os ?? 'other');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadShortcuts().then(setError);
  }, []);

  const note = view ? supportNote(view) : null;
  return (
    <Card title="Global shortcuts" description="Keys that work while another app, such as your meeting, has the focus.">
      {error ? <Banner tone="error">{error}</Banner> : null}
      {view?.support === 'none' ? (
        <Banner tone="info">
          Global shortcuts work in the desktop app only: a browser tab cannot listen to keys pressed in other apps.
        </Banner>
      ) : null}
      {note ? <p className="muted">{note}</p> : null}
      {view?.paused ? <p className="muted">The shortcuts are paused while you record new keys.</p> : null}
      {view ? (
        <ul className="stack shortcut-list">
          {view.items.map((item) => (
            <ShortcutRow key={item.action} item={item} platform={os} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
