import { describe, expect, it } from 'vitest';
import { mergeServerValues, type OpenEdit } from '../../../electron/core/cache/editMerge';
import type { EditableValues } from '../../../electron/core/cache/types';

const values = (over: Partial<EditableValues> = {}): EditableValues => ({
  name: 'Standup',
  notes: '',
  participants: [],
  languages: ['en'],
  ...over,
});
const edit = (id: number, fields: OpenEdit['fields'], createdAt = 1_000, state: OpenEdit['state'] = 'pending'): OpenEdit => ({
  id,
  fields,
  state,
  createdAt,
});

describe('merging server rows with the user’s edits', () => {
  it('takes the server’s values for fields nobody edited', () => {
    const out = mergeServerValues({
      incoming: values({ name: 'Renamed elsewhere', notes: 'n' }),
      serverUpdatedAt: 2_000,
      cached: { shown: values(), server: values(), local: [] },
      edits: [],
    });
    expect(out).toEqual({ shown: values({ name: 'Renamed elsewhere', notes: 'n' }), local: [], done: [], conflicts: [] });
  });

  it('keeps showing an edit the server has not seen, and finishes it once the server holds the same value', () => {
    const cached = { shown: values({ name: 'Mine' }), server: values(), local: ['name' as const] };
    const waiting = mergeServerValues({ incoming: values(), serverUpdatedAt: 500, cached, edits: [edit(1, { name: 'Mine' })] });
    expect(waiting).toMatchObject({ shown: values({ name: 'Mine' }), local: ['name'], done: [], conflicts: [] });

    const confirmed = mergeServerValues({
      incoming: values({ name: 'Mine' }),
      serverUpdatedAt: 3_000,
      cached,
      edits: [edit(1, { name: 'Mine' })],
    });
    expect(confirmed).toMatchObject({ shown: values({ name: 'Mine' }), local: [], done: [1], conflicts: [] });
  });

  it('flags a conflict when the server changed the same field after the edit, keeping the user’s value', () => {
    const out = mergeServerValues({
      incoming: values({ name: 'Theirs' }),
      serverUpdatedAt: 2_000,
      cached: { shown: values({ name: 'Mine' }), server: values(), local: ['name'] },
      edits: [edit(7, { name: 'Mine' }, 1_000)],
    });
    expect(out).toEqual({
      shown: values({ name: 'Mine' }),
      local: ['name'],
      done: [],
      conflicts: [{ id: 7, serverValues: { name: 'Theirs' } }],
    });
  });

  it('lets a newer edit win over an older server change without a conflict', () => {
    const out = mergeServerValues({
      incoming: values({ name: 'Theirs' }),
      serverUpdatedAt: 500,
      cached: { shown: values({ name: 'Mine' }), server: values(), local: ['name'] },
      edits: [edit(7, { name: 'Mine' }, 1_000)],
    });
    expect(out.conflicts).toEqual([]);
    expect(out.shown.name).toBe('Mine');
  });

  it('treats an unknown server time as a conflict, and leaves an edit in flight alone', () => {
    const cached = { shown: values({ notes: 'mine' }), server: values(), local: ['notes' as const] };
    expect(
      mergeServerValues({ incoming: values({ notes: 'theirs' }), serverUpdatedAt: null, cached, edits: [edit(1, { notes: 'mine' })] })
        .conflicts,
    ).toHaveLength(1);
    const inFlight = mergeServerValues({
      incoming: values({ notes: 'theirs' }),
      serverUpdatedAt: null,
      cached,
      edits: [edit(1, { notes: 'mine' }, 1_000, 'sending')],
    });
    expect(inFlight).toMatchObject({ conflicts: [], done: [], shown: { notes: 'mine' } });
  });

  it('gives a field back to the server once no edit waits for it', () => {
    const out = mergeServerValues({
      incoming: values({ participants: ['Ann', 'Bo'] }),
      serverUpdatedAt: 5_000,
      cached: { shown: values({ participants: ['ann', 'bo'] }), server: values({ participants: ['ann', 'bo'] }), local: ['participants'] },
      edits: [],
    });
    expect(out).toMatchObject({ local: [], shown: { participants: ['Ann', 'Bo'] } });
  });
});
