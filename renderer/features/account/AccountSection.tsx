import { useEffect } from 'react';
import type { AccountInfo } from '../../../shared/ipc/admin';
import { Badge, Banner, Bidi, Button, Card, Spinner } from '../../app/theme';
import { CheckIcon, CrossIcon, InfoIcon } from '../../app/theme/icons';
import { describeScopes } from '../admin/describe';
import { loadAccount } from './actions';
import { useAccountStore } from './store';
import './account.css';

const sourceWords: Record<AccountInfo['source'], string> = {
  server: 'As the server reports it.',
  prefix: 'Read from the key itself: this server does not describe keys.',
  none: 'This server version does not describe keys; the app finds out what a key may do when it is used.',
};

function FeatureList({ features }: { features: AccountInfo['features'] }) {
  return (
    <ul className="account-features" aria-label="What this key unlocks in the app">
      {features.map((f) => (
        <li key={f.feature} data-allowed={f.allowed === null ? 'unknown' : String(f.allowed)}>
          {f.allowed === true ? <CheckIcon size={14} /> : f.allowed === false ? <CrossIcon size={14} /> : <InfoIcon size={14} />}
          <span>
            {f.label}
            <span className="account-feature-state">
              {f.allowed === true
                ? ': allowed'
                : f.allowed === false
                  ? `: not with this key${f.needs.length ? ` (needs ${f.needs.join(' or ')})` : ''}`
                  : ': the server does not say'}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Settings → Account: who the connected key belongs to, its scopes and what they unlock. Read again
 * when the key changes (a new key "used in this app" from the admin console).
 */
export function AccountSection({ serverId, keyLabel, demo = false }: { serverId: string; keyLabel: string | null; demo?: boolean }) {
  const load = useAccountStore((s) => s.info);
  useEffect(() => {
    void loadAccount();
  }, [serverId, keyLabel]);

  return (
    <Card
      title="Account"
      description={
        demo ? 'The demo’s own account: what it may do on the built-in simulator.' : 'What the server says about the API key this app uses.'
      }
    >
      {load.phase === 'loading' ? <Spinner label="Asking the server about this key…" /> : null}
      {load.phase === 'error' ? (
        <Banner
          tone="error"
          actions={
            <Button size="sm" onClick={() => void loadAccount()}>
              Try again
            </Button>
          }
        >
          {load.message}
        </Banner>
      ) : null}
      {load.phase === 'ready' ? <AccountDetails info={load.value} demo={demo} /> : null}
    </Card>
  );
}

/** The demo makes its own key for the session: nobody entered one, so none is spoken of. */
function AccountDetails({ info, demo }: { info: AccountInfo; demo: boolean }) {
  const scopes = info.scopes;
  return (
    <div className="stack">
      <dl className="definition-list">
        {info.email ? (
          <>
            <dt>Signed in as</dt>
            <dd>
              <Bidi>{info.email}</Bidi>
            </dd>
          </>
        ) : null}
        {info.userId ? (
          <>
            <dt>User id</dt>
            <dd className="mono">{info.userId}</dd>
          </>
        ) : null}
        {info.keyLabel && !demo ? (
          <>
            <dt>Key</dt>
            <dd className="mono">{info.keyLabel}</dd>
          </>
        ) : null}
        <dt>Scope</dt>
        <dd>
          {scopes === null ? (
            <span>Not scoped: the key may do everything its user may.</span>
          ) : scopes.length === 0 ? (
            <span>None</span>
          ) : (
            <ul className="account-scopes">
              {describeScopes(scopes).map((line) => (
                <li key={line.scope}>
                  <Badge tone="accent">{line.name}</Badge> <span className="muted">{line.unlocks}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="muted settings-note">{sourceWords[info.source]}</p>
        </dd>
        {info.maxConcurrent !== null ? (
          <>
            <dt>Bots at once</dt>
            <dd>{info.maxConcurrent}</dd>
          </>
        ) : null}
      </dl>
      {info.features.length > 0 ? (
        <div className="stack-sm">
          <h3>{demo ? 'What the demo account unlocks' : 'What this key unlocks'}</h3>
          <FeatureList features={info.features} />
        </div>
      ) : null}
      {/* The core's sentences: a key that lacks a scope, or why the server could not be asked. */}
      {info.notes.map((note, i) => (
        <Banner key={i} tone="info">
          {note}
        </Banner>
      ))}
    </div>
  );
}
