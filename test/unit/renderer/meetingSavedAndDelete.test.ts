import { describe, expect, it } from 'vitest';
import { editChip, latestEditFor, serverDeleteConfirmText, serverDeleteOption } from '../../../renderer/features/meeting/describe';
import { edit as pendingEdit, online, type Edit } from './support/edits';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';

/** A finished edit: sent in an earlier session. */
const edit = (patch: Partial<Edit> = {}): Edit => pendingEdit({ state: 'done', attempts: 1, ...patch });

describe('a field whose edit was sent in an earlier session', () => {
  it('reads "Saved" from the finished edit the core lists, with nothing edited in this session', () => {
    const edits = [edit({ id: 4, fields: { name: 'Roadmap review', notes: 'Ship in July' } })];
    expect(editChip('name', latestEditFor('name', edits), false, online)).toEqual({
      kind: 'saved',
      label: 'Saved',
      tone: 'success',
      detail: null,
    });
    expect(editChip('notes', latestEditFor('notes', edits), false, online)?.label).toBe('Saved');
    // Offline changes nothing for an edit that already went through.
    expect(editChip('notes', latestEditFor('notes', edits), false, { offline: true, otherServer: true })?.label).toBe('Saved');
    expect(editChip('participants', latestEditFor('participants', edits), false, online)).toBeNull();
  });

  it('follows a newer edit of the same field over the finished one', () => {
    const edits = [edit({ id: 4, fields: { name: 'Roadmap review' } }), edit({ id: 9, state: 'pending', fields: { name: 'Roadmap' } })];
    expect(editChip('name', latestEditFor('name', edits), false, online)?.label).toBe('Saving…');
    expect(editChip('name', latestEditFor('name', edits), false, { offline: true, otherServer: false })?.label).toBe(
      'Waiting for connection',
    );
  });
});

describe('deleting from the server too', () => {
  const finished = { planned: false, nativeMeetingId: 'abc-defg-hij' };
  const linkless = { planned: true, nativeMeetingId: null };
  const here = (generation: 'g1' | 'g2' | 'g3' | null) => ({
    otherServer: false,
    deletesPlans: generation !== null && capabilitiesFor(generation).plannedMeetings,
    serverName: 'vexa.example',
  });

  it('offers it for a finished meeting and for a G3 plan, saying what goes', () => {
    expect(serverDeleteOption(finished, here('g2'))).toEqual({
      allowed: true,
      text: 'Deletes the transcript and recordings on the server, for everyone who can see this meeting.',
    });
    expect(serverDeleteOption(linkless, here('g3'))).toEqual({
      allowed: true,
      text: 'Deletes the plan on the server, so no bot joins it, for every app using this account.',
    });
    expect(serverDeleteOption({ planned: true, nativeMeetingId: 'crt-desg-nxt' }, here('g3')).allowed).toBe(true);
  });

  it('explains why not: another server, or a plan without a meeting link on a version that cannot delete it', () => {
    expect(serverDeleteOption(linkless, { otherServer: true, deletesPlans: true, serverName: 'cloud.vexa.ai' })).toEqual({
      allowed: false,
      text: 'Connect to cloud.vexa.ai to delete it there.',
    });
    for (const generation of ['g1', 'g2', null] as const) {
      expect(serverDeleteOption(linkless, here(generation))).toEqual({
        allowed: false,
        text: 'This server version cannot delete a planned meeting that has no meeting link. Delete it where it was planned (calendar or dashboard).',
      });
    }
  });

  it('confirms a plan as a plan and a meeting as its transcript and recordings', () => {
    expect(serverDeleteConfirmText('Offsite planning', true)).toBe(
      'The planned meeting “Offsite planning” is deleted on the server and from this computer, and no bot will join it. This cannot be undone.',
    );
    expect(serverDeleteConfirmText('Support sync', false)).toBe(
      'The transcript and recordings of “Support sync” are deleted on the server for everyone, and from this computer. This cannot be undone.',
    );
  });
});
