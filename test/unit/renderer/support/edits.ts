import type { MeetingDetailView } from '../../../../shared/ipc/library';

export type Edit = MeetingDetailView['edits'][number];

/** An outbox edit as the meeting screen receives it; a name change waiting to be sent unless patched. */
export function edit(patch: Partial<Edit> = {}): Edit {
  return {
    id: 1,
    meetingId: 7,
    serverId: 'https://vexa.example',
    fields: { name: 'Planning' },
    state: 'pending',
    attempts: 0,
    lastError: null,
    serverValues: null,
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
}

export const online = { offline: false, otherServer: false };
