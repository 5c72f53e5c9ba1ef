import { useEffect, useMemo } from 'react';
import { SpeakerNames } from '../../../shared/transcript/speakerNames';
import type { SpeakerSyncView } from '../../../shared/ipc/speakers';
import { ensureSpeakerFixes } from './actions';
import { useSpeakersStore } from './store';
import { useServersStore } from '../servers/store';
import type { SpeakerContext } from './SpeakerName';

const NONE: never[] = [];

/** The names shown in one meeting (the server's meeting id), and where its corrections go. */
export function useSpeakerNames(serverId: string | null, meetingId: number | null): { names: SpeakerNames; sync: SpeakerSyncView | null } {
  const view = useSpeakersStore((s) => (serverId ? s.byServer[serverId] : undefined));
  useEffect(() => {
    if (serverId) ensureSpeakerFixes(serverId);
  }, [serverId]);
  const fixes = view?.fixes ?? NONE;
  const names = useMemo(() => new SpeakerNames(fixes, serverId ?? '', meetingId), [fixes, serverId, meetingId]);
  return { names, sync: view?.sync ?? null };
}

/**
 * The speaker context of a caption list showing one meeting (the server's meeting id): corrected
 * names and, with `labels` (the server's labels heard in it), the speaker menu.
 */
export function useSpeakerContext(
  serverId: string | null,
  meetingId: number | null,
  labels: readonly string[] | null,
): SpeakerContext | null {
  const { names, sync } = useSpeakerNames(serverId, meetingId);
  const serverName = useServersStore((s) => (serverId ? s.servers.find((x) => x.id === serverId)?.label : undefined)) ?? 'this server';
  return useMemo(() => {
    if (!serverId) return null;
    const scope = meetingId !== null && labels ? { serverId, meetingId, serverName, labels } : null;
    return { names, sync, scope };
  }, [names, sync, serverId, meetingId, serverName, labels]);
}

/** The distinct server labels of a meeting's turns, the same array while they stay the same. */
export function useSpeakerLabels(turns: ReadonlyArray<{ speaker: string | null }> | undefined): readonly string[] {
  const joined = useMemo(
    () => [...new Set((turns ?? []).map((t) => t.speaker).filter((s): s is string => !!s && s.trim() !== ''))].join('\u0000'),
    [turns],
  );
  return useMemo(() => (joined === '' ? NONE : joined.split('\u0000')), [joined]);
}
