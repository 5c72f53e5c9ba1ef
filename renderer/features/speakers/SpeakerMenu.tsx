import { useId, useRef, type KeyboardEvent, type ToggleEvent } from 'react';
import type { SpeakerLine, SpeakerNames } from '../../../shared/transcript/speakerNames';
import { MenuItem, MenuSeparator } from '../export/ActionMenu';
import type { SpeakerAction } from './SpeakerDialog';
import { useSpeakersStore } from './store';
import '../export/export.css';
import './speakers.css';

/** The meeting a caption list shows, for the speaker menu: the server's meeting id and every label heard in it. */
export interface SpeakerScope {
  serverId: string;
  meetingId: number;
  serverName: string;
  /** The server's labels in this meeting (for "Merge into…"). */
  labels: readonly string[];
}

const itemSelector = '[role="menuitem"]';

/**
 * A speaker's name as a menu button: rename in this meeting or on the whole server, merge into
 * another speaker, split from this line, and take corrections back. The menu keys follow the
 * export menu's (arrows, Home, End; Esc and clicks outside close it, focus returns to the name).
 */
export function SpeakerMenu({
  scope,
  names,
  line,
  when,
}: {
  scope: SpeakerScope;
  names: SpeakerNames;
  /** The first line of the turn: its server label and start. */
  line: SpeakerLine;
  /** The line's time as shown, for "Split from this line". */
  when: string;
}) {
  const id = useId();
  const menu = useRef<HTMLDivElement>(null);
  const setAction = (action: SpeakerAction) => useSpeakersStore.getState().openDialog({ action, scope, line, when });
  const resolved = names.resolve(line);
  const shown = resolved.name?.trim() || 'Unknown speaker';
  if (resolved.original === null || resolved.original.trim() === '') return <span className="caption-speaker">{shown}</span>;
  const touching = names.touching(line);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>(itemSelector) ?? []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next = {
      ArrowDown: list[(at + 1) % list.length],
      ArrowUp: list[(at - 1 + list.length) % list.length],
      Home: list[0],
      End: list.at(-1),
    }[event.key];
    if (event.key === 'Tab') menu.current?.hidePopover();
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <>
      <button
        type="button"
        className="caption-speaker speaker-button"
        popoverTarget={id}
        aria-haspopup="menu"
        title={resolved.corrected ? `Shown as ${shown}; the server calls this speaker ${resolved.original}` : 'Correct this speaker'}
        data-corrected={resolved.corrected || undefined}
      >
        {shown}
        {resolved.corrected ? <span className="sr-only"> (corrected name)</span> : null}
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={`Correct the speaker ${shown}`}
        className="action-menu speaker-menu"
        onToggle={(e: ToggleEvent<HTMLDivElement>) => {
          if (e.newState === 'open') items()[0]?.focus();
        }}
        onKeyDown={onKeyDown}
      >
        <MenuItem onSelect={() => setAction({ kind: 'rename', everywhere: false })}>Rename in this meeting…</MenuItem>
        <MenuItem onSelect={() => setAction({ kind: 'rename', everywhere: true })}>Rename everywhere on {scope.serverName}…</MenuItem>
        <MenuItem onSelect={() => setAction({ kind: 'merge' })}>Merge into…</MenuItem>
        <MenuItem onSelect={() => setAction({ kind: 'split' })}>Split from this line…</MenuItem>
        {touching.length > 0 ? (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => setAction({ kind: 'restore' })}>Restore original…</MenuItem>
          </>
        ) : null}
      </div>
    </>
  );
}
