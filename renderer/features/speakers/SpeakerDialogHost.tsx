import { SpeakerDialog } from './SpeakerDialog';
import { useSpeakersStore } from './store';
import { useSpeakerNames } from './useSpeakerNames';

/**
 * The open correction dialog, drawn outside the caption rows: a live list unmounts rows that
 * scroll away, and the dialog must outlive the row it was opened from.
 */
export function SpeakerDialogHost({ serverId, meetingId }: { serverId: string; meetingId: number }) {
  const dialog = useSpeakersStore((s) => s.dialog);
  // Only the list of the meeting it was opened in draws it.
  const open = dialog && dialog.scope.serverId === serverId && dialog.scope.meetingId === meetingId ? dialog : null;
  const { names, sync } = useSpeakerNames(open?.scope.serverId ?? null, open?.scope.meetingId ?? null);
  if (!open) return null;
  const shown = names.resolve(open.line).name?.trim() || 'Unknown speaker';
  return (
    <SpeakerDialog
      action={open.action}
      scope={open.scope}
      names={names}
      sync={sync}
      line={open.line}
      shown={shown}
      when={open.when}
      touching={names.touching(open.line)}
      onClose={() => useSpeakersStore.getState().openDialog(null)}
    />
  );
}
