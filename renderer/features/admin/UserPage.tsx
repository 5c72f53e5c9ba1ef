import { useEffect, useRef, useState } from 'react';
import type { AdminTokenView, AdminUserDetail } from '../../../shared/ipc/admin';
import { formatDateTime } from '../../app/format';
import { Badge, Banner, Bidi, Button, Card, EmptyState, Spinner } from '../../app/theme';
import { BackIcon } from '../../app/theme/icons';
import { closeUser, openUser } from './actions';
import { EditUserDialog } from './CreateUserDialog';
import { scopeDescriptions, tokenLabel, userLabel } from './describe';
import { useAdminStore } from './store';
import { MintTokenFlow, RevokeDialog } from './TokenDialogs';

const when = (ms: number | null) => (ms === null ? '—' : formatDateTime(ms));

function TokenTable({ tokens, onRevoke }: { tokens: AdminTokenView[]; onRevoke(token: AdminTokenView): void }) {
  const showsLastUsed = tokens.some((t) => t.lastUsedAt !== null);
  const showsExpiry = tokens.some((t) => t.expiresAt !== null);
  return (
    <table className="admin-tokens">
      <caption className="sr-only">API keys of this user</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">May</th>
          <th scope="col">Created</th>
          {showsLastUsed ? <th scope="col">Last used</th> : null}
          {showsExpiry ? <th scope="col">Expires</th> : null}
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <th scope="row">
              <span className="mono break">{token.masked ?? (token.name ? <Bidi>{token.name}</Bidi> : `#${token.id}`)}</span>
              {token.masked && token.name ? (
                <span className="muted admin-token-name">
                  {' '}
                  <Bidi>{token.name}</Bidi>
                </span>
              ) : null}
              <span className="muted admin-token-id"> · id {token.id}</span>
            </th>
            <td>
              {token.scopes === null ? (
                <span className="muted">Everything</span>
              ) : (
                <span className="row">
                  {token.scopes.map((s) => (
                    <Badge key={s}>{scopeDescriptions[s]?.name ?? s}</Badge>
                  ))}
                </span>
              )}
            </td>
            <td>{when(token.createdAt)}</td>
            {showsLastUsed ? <td>{when(token.lastUsedAt)}</td> : null}
            {showsExpiry ? <td>{token.expiresAt === null ? 'Never' : when(token.expiresAt)}</td> : null}
            <td className="admin-token-actions">
              <Button size="sm" variant="ghost" aria-label={`Revoke ${tokenLabel(token)}`} onClick={() => onRevoke(token)}>
                Revoke…
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UserDetail({ detail }: { detail: AdminUserDetail }) {
  const offers = useAdminStore((s) => s.status?.offers);
  const [editing, setEditing] = useState(false);
  const [minting, setMinting] = useState(false);
  const [revoking, setRevoking] = useState<AdminTokenView | null>(null);
  const { user, tokens } = detail;
  const who = userLabel(user);
  const editable = offers?.updatableFields ?? [];

  return (
    <>
      <Card
        title={<Bidi>{who}</Bidi>}
        actions={
          editable.length > 0 ? (
            <Button size="sm" onClick={() => setEditing(true)}>
              Edit…
            </Button>
          ) : null
        }
      >
        <dl className="definition-list">
          <dt>Email</dt>
          <dd>{user.email ? <Bidi>{user.email}</Bidi> : '—'}</dd>
          <dt>Name</dt>
          <dd>{user.name ? <Bidi>{user.name}</Bidi> : <span className="muted">No name</span>}</dd>
          <dt>User id</dt>
          <dd className="mono">{user.id}</dd>
          <dt>Bots at once</dt>
          <dd>{user.maxConcurrentBots ?? <span className="muted">Not reported</span>}</dd>
          <dt>Created</dt>
          <dd>{user.createdAt === null ? <span className="muted">This server does not say</span> : formatDateTime(user.createdAt)}</dd>
        </dl>
      </Card>
      <Card
        title="API keys"
        description="Key values are shown once, when created. Here they appear masked, where the server lists them."
        actions={
          <Button size="sm" variant="primary" onClick={() => setMinting(true)}>
            New key…
          </Button>
        }
      >
        {tokens.length === 0 ? (
          <EmptyState title="No API keys">Create a key so this user can connect an app or a script.</EmptyState>
        ) : (
          <TokenTable tokens={tokens} onRevoke={setRevoking} />
        )}
      </Card>
      {editing ? <EditUserDialog open user={user} fields={editable} onClose={() => setEditing(false)} /> : null}
      {minting ? <MintTokenFlow userId={user.id} who={who} scoped={offers?.tokenScopes ?? true} onClose={() => setMinting(false)} /> : null}
      {revoking ? <RevokeDialog token={revoking} who={who} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

/** A user's page: details and API keys, with a way back to the list that keeps its place. */
export function UserPage() {
  const state = useAdminStore((s) => s.user);
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  if (!state) return null;
  return (
    <div className="screen-content">
      <div className="row">
        <Button ref={backRef} variant="ghost" size="sm" icon={<BackIcon />} onClick={closeUser}>
          Back to users
        </Button>
      </div>
      {state.phase === 'loading' ? <Spinner label="Loading the user…" /> : null}
      {state.phase === 'error' ? (
        <Banner
          tone="error"
          actions={
            <Button size="sm" onClick={() => void openUser(state.userId)}>
              Try again
            </Button>
          }
        >
          {state.message}
        </Banner>
      ) : null}
      {state.phase === 'ready' ? <UserDetail detail={state.detail} /> : null}
    </div>
  );
}
