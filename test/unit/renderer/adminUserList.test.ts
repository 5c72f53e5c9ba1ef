import { describe, expect, it } from 'vitest';
import type { AdminUserPage, AdminUserView } from '../../../shared/ipc/admin';
import { err, ok, type Result } from '../../../shared/ipc/result';
import {
  createUserListLoader,
  EMPTY_USER_LIST,
  FILTER_PAGE_SIZE,
  FILTER_PAGES_PER_STEP,
  filterScope,
  findByEmailSuggestion,
  listSummary,
  PAGE_SIZE,
  type FetchUserPage,
  type UserListState,
} from '../../../renderer/features/admin/userList';

const user = (id: number): AdminUserView => ({
  id: String(id),
  email: `user${id}@example.com`,
  name: id % 7 === 0 ? `Seven ${id}` : null,
  maxConcurrentBots: 3,
  createdAt: null,
});

/** A server with `count` users, filtered as the core does it (email or name contains the text). */
function server(count: number): { fetchPage: FetchUserPage; calls: Array<{ skip: number; limit: number; filter?: string }> } {
  const all = Array.from({ length: count }, (_, i) => user(i + 1));
  const calls: Array<{ skip: number; limit: number; filter?: string }> = [];
  const fetchPage: FetchUserPage = async (input) => {
    calls.push(input);
    const page = all.slice(input.skip, input.skip + input.limit);
    const f = input.filter?.toLowerCase();
    const users = f ? page.filter((u) => `${u.email} ${u.name ?? ''}`.toLowerCase().includes(f)) : page;
    return ok({ available: true, message: null, skip: input.skip, limit: input.limit, users, hasMore: page.length === input.limit });
  };
  return { fetchPage, calls };
}

function harness(fetchPage: FetchUserPage) {
  let state: UserListState = EMPTY_USER_LIST;
  const loader = createUserListLoader({ fetchPage, get: () => state, set: (patch) => (state = { ...state, ...patch }) });
  return { loader, state: () => state };
}

describe('the users list', () => {
  it('pages through thousands of users with skip and limit, and says how many it shows', async () => {
    const { fetchPage, calls } = server(2_345);
    const { loader, state } = harness(fetchPage);
    await loader.reload('');
    expect(state().users).toHaveLength(PAGE_SIZE);
    expect(listSummary(state())).toBe('50 users shown, more on the server');
    await loader.loadMore();
    expect(
      state()
        .users.map((u) => u.id)
        .slice(48, 52),
    ).toEqual(['49', '50', '51', '52']);
    expect(calls.map((c) => c.skip)).toEqual([0, 50]);
    while (state().hasMore) await loader.loadMore();
    expect(state().users).toHaveLength(2_345);
    expect(new Set(state().users.map((u) => u.id)).size).toBe(2_345);
    expect(listSummary(state())).toBe('All 2,345 users');
  });

  it('a filter reads further pages until it has a screenful of matches, and no more than a step at a time', async () => {
    const { fetchPage, calls } = server(20_000);
    const { loader, state } = harness(fetchPage);
    // "Seven" names every seventh user: about 71 in a page of 500, so one page is enough.
    await loader.reload('seven');
    expect(calls).toEqual([{ skip: 0, limit: FILTER_PAGE_SIZE, filter: 'seven' }]);
    expect(state().users.every((u) => u.name?.startsWith('Seven'))).toBe(true);
    expect(listSummary(state())).toBe(`${state().users.length} matches in the first 500 users`);
    // A rare match: the step stops after its pages, and "Look further" carries on where it stopped.
    calls.length = 0;
    await loader.reload('user19999@');
    expect(calls).toHaveLength(FILTER_PAGES_PER_STEP);
    expect(state().users).toEqual([]);
    expect(state().hasMore).toBe(true);
    expect(listSummary(state())).toBe('0 matches in the first 5,000 users');
    while (state().hasMore) await loader.loadMore();
    expect(state().users.map((u) => u.id)).toEqual(['19999']);
    expect(listSummary(state())).toBe('1 match among all users');
  });

  it('shows the answer of the newest filter only, and keeps the old rows until it arrives', async () => {
    const pending: Array<{ filter: string | undefined; resolve: (r: Result<AdminUserPage>) => void }> = [];
    const fetchPage: FetchUserPage = (input) => new Promise((resolve) => pending.push({ filter: input.filter, resolve }));
    const { loader, state } = harness(fetchPage);
    const answer = (users: AdminUserView[]) => ok({ available: true, message: null, skip: 0, limit: 500, users, hasMore: false });

    const first = loader.reload('');
    pending.shift()!.resolve(ok({ available: true, message: null, skip: 0, limit: 50, users: [user(1), user(2)], hasMore: false }));
    await first;
    const older = loader.reload('a');
    const newer = loader.reload('ab');
    // Until an answer comes, the list on screen stays (no flash of emptiness while typing).
    expect(state().users.map((u) => u.id)).toEqual(['1', '2']);
    expect(state().loading).toBe(true);
    const [a, ab] = [pending.shift()!, pending.shift()!];
    ab.resolve(answer([user(2)]));
    await newer;
    a.resolve(answer([user(1), user(2)]));
    await older;
    expect(state().filter).toBe('ab');
    expect(state().users.map((u) => u.id)).toEqual(['2']);
    expect(state().loading).toBe(false);
  });

  it('says what the server does not offer, and shows the core’s sentence when a page fails', async () => {
    const g3 = harness(async () =>
      ok({ available: false, message: 'This server version has no list of users.', skip: 0, limit: 50, users: [], hasMore: false }),
    );
    await g3.loader.reload('');
    expect(g3.state().unavailable).toBe('This server version has no list of users.');

    const failing = harness(async () => err('admin_unauthorized', 'The server rejected the admin key.'));
    await failing.loader.reload('');
    expect(failing.state()).toMatchObject({ error: 'The server rejected the admin key.', loading: false });
  });

  it('does not load more while a page is on its way or when the server has no more', async () => {
    const { fetchPage, calls } = server(30);
    const { loader, state } = harness(fetchPage);
    await loader.reload('');
    expect(state().hasMore).toBe(false);
    await loader.loadMore();
    expect(calls).toHaveLength(1);
    expect(listSummary(state())).toBe('All 30 users');
  });
});

describe('what the filter covers, said next to it', () => {
  const offers = { findByEmail: true };

  it('says how many users a filter looked through while the server has more, and when it has seen them all', async () => {
    const big = harness(server(20_000).fetchPage);
    await big.loader.reload('');
    expect(filterScope(big.state())).toBeNull();
    await big.loader.reload('nobody-has-this');
    const read = (FILTER_PAGE_SIZE * FILTER_PAGES_PER_STEP).toLocaleString('en-US');
    expect(filterScope(big.state())).toBe(
      `The server has no search: this filter looked through the first ${read} users only. “Look further” reads more.`,
    );

    const small = harness(server(30).fetchPage);
    await small.loader.reload('user1');
    expect(filterScope(small.state())).toBe('The filter looked through every user on the server.');
  });

  it('suggests finding an email directly when no user read so far has it and the server has more', async () => {
    const big = harness(server(20_000).fetchPage);
    await big.loader.reload('colleague@example.org');
    expect(big.state()).toMatchObject({ users: [], hasMore: true });
    expect(findByEmailSuggestion(big.state(), offers)).toBe('colleague@example.org');
    // Not where the server has no lookup, nor for text that is not an email address.
    expect(findByEmailSuggestion(big.state(), { findByEmail: false })).toBeNull();
    expect(findByEmailSuggestion(big.state(), null)).toBeNull();
    await big.loader.reload('colleague');
    expect(big.state().users).toEqual([]);
    expect(findByEmailSuggestion(big.state(), offers)).toBeNull();
  });

  it('does not suggest it when a user read so far has that email, or when every user was read', async () => {
    const big = harness(server(20_000).fetchPage);
    await big.loader.reload('USER7@example.com');
    expect(big.state().users.map((u) => u.email)).toContain('user7@example.com');
    expect(findByEmailSuggestion(big.state(), offers)).toBeNull();

    const small = harness(server(30).fetchPage);
    await small.loader.reload('colleague@example.org');
    expect(small.state()).toMatchObject({ users: [], hasMore: false });
    expect(findByEmailSuggestion(small.state(), offers)).toBeNull();
  });

  it('says nothing while the answer is on its way or after a failure', () => {
    const base = { ...EMPTY_USER_LIST, filter: 'colleague@example.org', loaded: true, hasMore: true, nextSkip: 500 };
    expect(findByEmailSuggestion({ ...base, loading: true }, offers)).toBeNull();
    expect(findByEmailSuggestion({ ...base, error: 'The server rejected the admin key.' }, offers)).toBeNull();
    expect(filterScope({ ...base, error: 'The server rejected the admin key.' })).toBeNull();
  });
});
