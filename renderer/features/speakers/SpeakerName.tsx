import type { CaptionView } from '../../../shared/ipc/models';
import type { SpeakerSyncView } from '../../../shared/ipc/speakers';
import type { SpeakerNames } from '../../../shared/transcript/speakerNames';
import { SpeakerMenu, type SpeakerScope } from './SpeakerMenu';

/** What a caption list needs to show corrected names: the meeting's resolver, and the menu's scope where corrections can be made. */
export interface SpeakerContext {
  names: SpeakerNames;
  sync: SpeakerSyncView | null;
  /** Null: names only, no menu (a view that cannot correct). */
  scope: SpeakerScope | null;
}

/** A caption turn's speaker: the corrected name, as a menu button where corrections can be made. */
export function SpeakerName({
  context,
  first,
  speaker,
  when,
}: {
  context: SpeakerContext;
  first: CaptionView | undefined;
  speaker: string | null;
  when: string;
}) {
  const line = { speaker, start: first?.start ?? null, absoluteStart: first?.absoluteStart ?? null };
  if (!context.scope) return <span className="caption-speaker">{context.names.resolve(line).name?.trim() || 'Unknown speaker'}</span>;
  return <SpeakerMenu scope={context.scope} names={context.names} line={line} when={when} />;
}
