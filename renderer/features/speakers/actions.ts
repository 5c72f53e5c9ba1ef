import type { SpeakerChangeView } from '../../../shared/ipc/speakers';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useSpeakersStore } from './store';

export type SpeakerFixRequest = ChannelInput<'speakers:fix'>;

/** Reads a server's corrections (again). */
export async function refreshSpeakerFixes(serverId: string): Promise<void> {
  useSpeakersStore.getState().markAsked(serverId);
  const result = await api.invoke('speakers:list', { serverId });
  if (result.ok) useSpeakersStore.getState().set(result.value);
}

/** Reads a server's corrections once, the first time a view needs them. */
export function ensureSpeakerFixes(serverId: string): void {
  if (useSpeakersStore.getState().asked.has(serverId)) return;
  void refreshSpeakerFixes(serverId);
}

export type ChangeOutcome = { ok: true; change: SpeakerChangeView } | { ok: false; message: string };

async function settle(serverId: string, result: Result<SpeakerChangeView>): Promise<ChangeOutcome> {
  if (!result.ok) return { ok: false, message: result.message };
  // The event would do it too; the view should not wait for it.
  await refreshSpeakerFixes(serverId);
  return { ok: true, change: result.value };
}

export async function fixSpeaker(request: SpeakerFixRequest): Promise<ChangeOutcome> {
  const outcome = await settle(request.serverId, await api.invoke('speakers:fix', request));
  if (outcome.ok) announce(`Speaker corrected. ${outcome.change.sync.message}`);
  return outcome;
}

export async function restoreSpeakerFix(serverId: string, id: number): Promise<ChangeOutcome> {
  const outcome = await settle(serverId, await api.invoke('speakers:restore', { id }));
  if (outcome.ok) announce('The original speaker name is shown again.');
  return outcome;
}
