import { useState } from 'react';
import type { ConnectionView } from '../../../shared/ipc/models';
import { Badge, Banner, Button, Card, InlineError } from '../../app/theme';
import { storageNoticeTitle } from '../../app/storageNotice';
import { FolderIcon, LockIcon } from '../../app/theme/icons';
import type { AppInfo } from '../app/store';
import { keyStorageDescriptions } from '../connection/describe';
import { openFolder } from './actions';

export function ApiKeySection({ keyInfo }: { keyInfo: ConnectionView['key'] }) {
  if (!keyInfo) return null;
  const storage = keyStorageDescriptions[keyInfo.storage];
  return (
    <Card title="API key">
      <dl className="definition-list">
        <dt>Key</dt>
        <dd className="mono" aria-label={`Masked key ${keyInfo.label}`}>
          {keyInfo.label}
        </dd>
        <dt>Stored</dt>
        <dd>
          <div className="row">
            <Badge tone={keyInfo.storage === 'plaintext' ? 'warn' : keyInfo.storage === 'keychain' ? 'success' : 'info'}>
              {storage.title}
            </Badge>
          </div>
          <p className="muted settings-note">{storage.detail}</p>
        </dd>
      </dl>
    </Card>
  );
}

function FolderRow({ label, path, which }: { label: string; path: string; which: 'data' | 'logs' }) {
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    const result = await openFolder(which);
    if (!result.ok) setError(result.message);
  };
  return (
    <div className="folder-row">
      <div className="folder-text">
        <div>{label}</div>
        <div className="muted mono break">{path}</div>
        {error ? <InlineError>{error}</InlineError> : null}
      </div>
      <Button size="sm" icon={<FolderIcon />} onClick={() => void open()} aria-label={`Open ${label.toLowerCase()}`}>
        Open
      </Button>
    </div>
  );
}

export function DataSection({ info }: { info: AppInfo }) {
  const storage = info.storage;
  return (
    <Card title="Data & logs" description="Meetings are cached on this computer so you can read them offline.">
      <div className="stack">
        {storage.mode === 'memory' ? (
          // Shown here for as long as it holds, also after the banner was dismissed.
          <Banner tone="warn" title={storageNoticeTitle(storage)}>
            <span className="break" data-testid="settings-storage-notice">
              {storage.message}
            </span>
          </Banner>
        ) : null}
        <FolderRow label="Data folder" path={info.paths.data} which="data" />
        <FolderRow label="Logs folder" path={info.paths.logs} which="logs" />
      </div>
    </Card>
  );
}

export function SecureStorageSection({ info }: { info: AppInfo }) {
  const { secureStorage } = info;
  return (
    <Card title="Secure storage">
      <div className="stack-sm">
        <div className="row">
          <LockIcon />
          {secureStorage.available ? (
            <span>
              Available: API keys are encrypted with <span className="mono">{secureStorage.backend}</span>.
            </span>
          ) : (
            <span>
              Not available here (<span className="mono">{secureStorage.backend}</span>). Keys are kept for the session, or stored
              unencrypted only if you choose so.
            </span>
          )}
        </div>
        {secureStorage.reason ? <Banner tone="warn">{secureStorage.reason}</Banner> : null}
        <div className="muted">
          Keys folder: <span className="mono break">{info.paths.keys}</span>
        </div>
      </div>
    </Card>
  );
}

const transportNames: Record<AppInfo['transport'], string> = {
  electron: 'Desktop app',
  web: 'Web harness (development: the app runs in a browser tab over a local connection)',
};

const osNames: Record<AppInfo['os'], string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux', other: 'Other' };

export function AboutSection({ info }: { info: AppInfo }) {
  return (
    <Card title="About">
      <dl className="definition-list">
        <dt>Version</dt>
        <dd>{info.version}</dd>
        <dt>Running as</dt>
        <dd>{transportNames[info.transport]}</dd>
        <dt>System</dt>
        <dd>{osNames[info.os]}</dd>
      </dl>
    </Card>
  );
}
