import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner, Button, EmptyState, Spinner, TextField } from '../../app/theme';
import { CrossIcon, SearchIcon } from '../../app/theme/icons';
import { findUserByEmail, loadMoreUsers, openUser, reloadUsers, typeFilter } from './actions';
import { CreateUserDialog } from './CreateUserDialog';
import { useAdminStore } from './store';
import { UserList } from './UserList';
import { filterScope, findByEmailSuggestion, listSummary } from './userList';

const SCOPE_ID = 'admin-filter-scope';

/** G3 has no list route: a user is found by their exact email instead. */
function FindByEmail() {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return setError('Enter the email address of the user to open.');
    setBusy(true);
    setError(null);
    const result = await findUserByEmail(email.trim());
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (!result.value.user) return setError(`No user has the email address ${email.trim()}. Check it, or create the user.`);
    void openUser(result.value.user.id);
  };
  return (
    <form className="admin-find row" onSubmit={(e) => void find(e)} noValidate>
      <TextField
        label="Find a user by email"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error}
      />
      <Button type="submit" busy={busy}>
        Open user
      </Button>
    </form>
  );
}

function FilterField() {
  const query = useAdminStore((s) => s.query);
  const loading = useAdminStore((s) => s.list.loading);
  const scoped = useAdminStore((s) => filterScope(s.list) !== null);
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="admin-filter" role="search">
      <SearchIcon size={16} className="admin-filter-icon" />
      <input
        ref={ref}
        type="search"
        aria-label="Filter users by email or name"
        aria-describedby={scoped ? SCOPE_ID : undefined}
        placeholder="Filter by email or name"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => typeFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            typeFilter('');
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            document.querySelector<HTMLButtonElement>('.admin-user-open[data-row="0"]')?.focus();
          }
        }}
      />
      {loading ? <Spinner /> : null}
      {query ? (
        <Button
          size="sm"
          variant="ghost"
          icon={<CrossIcon />}
          aria-label="Clear the filter"
          onClick={() => {
            typeFilter('');
            ref.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/** Under the filter: how far it looked (the server has no search), and a direct lookup for an email. */
function FilterNotes() {
  const list = useAdminStore((s) => s.list);
  const offers = useAdminStore((s) => s.status?.offers ?? null);
  const scope = filterScope(list);
  const email = findByEmailSuggestion(list, offers);
  return (
    <>
      {scope ? (
        <p id={SCOPE_ID} className="muted admin-filter-scope">
          {scope}
        </p>
      ) : null}
      {email ? <FindSuggestion key={email} email={email} /> : null}
    </>
  );
}

function FindSuggestion({ email }: { email: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const find = async () => {
    setBusy(true);
    setError(null);
    const result = await findUserByEmail(email);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (!result.value.user) return setError(`No user has the email address ${email}. Check it, or create the user.`);
    void openUser(result.value.user.id);
  };
  return (
    <Banner
      tone={error ? 'error' : 'info'}
      actions={
        <Button size="sm" busy={busy} onClick={() => void find()}>
          Find by email
        </Button>
      }
    >
      {error ?? `No user read so far has the email ${email}. The server can look it up directly, without reading every user.`}
    </Banner>
  );
}

export function UsersView() {
  const list = useAdminStore((s) => s.list);
  const offers = useAdminStore((s) => s.status?.offers ?? null);
  const lastUserId = useAdminStore((s) => s.lastUserId);
  const [creating, setCreating] = useState(false);
  const listed = offers?.listUsers !== false;

  useEffect(() => {
    if (listed && !useAdminStore.getState().list.loaded) void reloadUsers();
  }, [listed]);

  const canList = listed && list.unavailable === null;
  const filtered = list.filter.trim() !== '';

  let body;
  if (!canList) {
    body = (
      <div className="stack">
        <Banner tone="info" title="This server does not list its users">
          {list.unavailable ?? 'Its admin service has no list of users. Open a user by their email address instead.'}
        </Banner>
        <FindByEmail />
      </div>
    );
  } else if (list.error) {
    body = (
      <Banner
        tone="error"
        actions={
          <Button size="sm" onClick={() => void reloadUsers()}>
            Try again
          </Button>
        }
      >
        {list.error}
      </Banner>
    );
  } else if (!list.loaded) {
    body = <Spinner label="Loading users…" />;
  } else if (list.users.length === 0 && !list.hasMore) {
    body = filtered ? (
      <EmptyState title="No users match">
        No user’s email or name contains “{list.filter}”. Check the spelling, or clear the filter.
      </EmptyState>
    ) : (
      <EmptyState
        title="No users yet"
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create the first user
          </Button>
        }
      >
        Create a user to give a colleague their own API key.
      </EmptyState>
    );
  } else {
    body = (
      <>
        <UserList users={list.users} focusId={lastUserId} onOpen={(user) => void openUser(user.id)} />
        <div className="admin-list-footer row">
          <span className="muted" data-testid="admin-user-count">
            {listSummary(list)}
          </span>
          <span className="spacer" />
          {list.hasMore ? (
            <Button size="sm" busy={list.loading} onClick={() => void loadMoreUsers()}>
              {filtered ? 'Look further' : 'Load more users'}
            </Button>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <div className="screen-fill admin-users">
      <div className="admin-toolbar row">
        {canList ? <FilterField /> : <span className="spacer" />}
        <Button variant="primary" onClick={() => setCreating(true)}>
          New user…
        </Button>
      </div>
      {canList ? <FilterNotes /> : null}
      {body}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
