import { useEffect, useEffectEvent } from 'react';
import { shortcutModifier } from '../../app/Sidebar';
import { ClipboardIcon } from '../../app/theme/icons';
import { useConnectionStore } from '../connection/store';
import { copyTranscript, openExportDialog, openShareDialog } from './actions';
import { ActionMenu, MenuItem, MenuSeparator } from './ActionMenu';
import { AiHandoffMenu } from './AiHandoffMenu';
import { onOtherServer, shareMenuLabel, shareMode, type MeetingRef } from './describe';
import { CopyIcon, FileIcon, ShareIcon } from './icons';
import { ensureExportLayer } from './layer';
import './export.css';

export interface MeetingActionsProps {
  meetingRef: MeetingRef;
  /** How people see the meeting ("Export & share Weekly sync"); it stays in the window. */
  title: string;
  /** An icon-only button, for rows in a list. */
  compact?: boolean;
  /** Ctrl+E (⌘E) opens the export dialog: for the one meeting a screen shows, never for list rows. */
  shortcut?: boolean;
}

/**
 * Everything that takes a transcript out of the app, for one meeting (live or past): export to a
 * file, copy, share, and hand-off to AI assistants. The dialogs live in the export layer, so a
 * row that scrolls out of a virtual list does not take an open dialog with it.
 */
export function MeetingActions({ meetingRef, title, compact = false, shortcut = false }: MeetingActionsProps) {
  const mode = useConnectionStore((s) => shareMode(s.view?.server?.capabilities));
  // Share links come from the meeting's own server; a meeting of another one is exported from the cache.
  const elsewhere = useConnectionStore((s) => onOtherServer(meetingRef, s.view?.server?.id ?? null));
  useEffect(ensureExportLayer, []);
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e') {
      event.preventDefault();
      openExportDialog(meetingRef, title);
    }
  });
  useEffect(() => {
    if (!shortcut) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [shortcut]);
  return (
    <ActionMenu
      label={`Export & share ${title}`}
      compact={compact}
      buttonText="Export & share"
      buttonIcon={<ShareIcon />}
      keyShortcuts={shortcut ? 'Control+E Meta+E' : undefined}
    >
      <MenuItem
        icon={<FileIcon />}
        hint={shortcut ? `${shortcutModifier}E` : undefined}
        onSelect={() => openExportDialog(meetingRef, title)}
      >
        Export…
      </MenuItem>
      <MenuItem icon={<CopyIcon />} onSelect={() => void copyTranscript(meetingRef, 'text')}>
        Copy as text
      </MenuItem>
      <MenuItem icon={<ClipboardIcon />} onSelect={() => void copyTranscript(meetingRef, 'markdown')}>
        Copy as Markdown
      </MenuItem>
      <MenuSeparator />
      {elsewhere ? null : (
        <>
          <MenuItem icon={<ShareIcon />} onSelect={() => openShareDialog(meetingRef, title)}>
            {shareMenuLabel(mode)}
          </MenuItem>
          <MenuSeparator />
        </>
      )}
      <AiHandoffMenu meetingRef={meetingRef} />
    </ActionMenu>
  );
}
