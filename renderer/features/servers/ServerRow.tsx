import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ServerColour, ServerConnectionView } from '../../../shared/ipc/models';
import { Badge, Banner, Bidi, Button, TextField } from '../../app/theme';
import { ArrowDownIcon, ArrowUpIcon } from '../../app/theme/icons';
import { announce } from '../announcer/store';
import { keyStorageDescriptions } from '../connection/describe';
import { updateServer } from './actions';
import { SERVER_COLOURS, serverColour, serverGeneration, serverStatusTone, serverStatusWords } from './describe';
import { useServersStore } from './store';

/** The person's short label and colour for one server; an empty label goes back to the address's name. */
function LookEditor({ server, onDone }: { server: ServerConnectionView; onDone(): void }) {
  const [label, setLabel] = useState(server.label === server.hostLabel ? '' : server.label);
  const [colour, setColour] = useState<ServerColour>(server.colour ?? (serverColour(server) as ServerColour));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const colourName = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await updateServer(server.id, { label: label.trim() || null, colour });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    announce(`${result.value.label} saved.`);
    onDone();
  };
  return (
    <form className="server-look stack-sm" onSubmit={(e) => void save(e)} aria-label={`Name and colour of ${server.label}`}>
      <TextField
        ref={field}
        label="Label"
        value={label}
        maxLength={60}
        placeholder={server.hostLabel}
        onChange={(e) => setLabel(e.target.value)}
        help={`A short name, shown beside this server's meetings. Empty: ${server.hostLabel}.`}
      />
      <fieldset className="server-colours">
        <legend>Colour</legend>
        <div className="server-colour-options">
          {SERVER_COLOURS.map((c) => (
            <label key={c.value} className="server-colour" data-server-colour={c.value} data-checked={c.value === colour}>
              <input type="radio" name={colourName} value={c.value} checked={c.value === colour} onChange={() => setColour(c.value)} />
              <span className="server-swatch" aria-hidden="true" />
              <span>{c.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <Banner tone="error">{error}</Banner> : null}
      <div className="row">
        <Button type="submit" size="sm" variant="primary" busy={busy}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export interface ServerRowProps {
  server: ServerConnectionView;
  first: boolean;
  last: boolean;
  onMove(by: -1 | 1): void;
  onDisconnect(): void;
  onRemove(): void;
}

/** One server in the person's list: what it is, its state and key, and what can be done with it. */
export function ServerRow({ server, first, last, onMove, onDisconnect, onRemove }: ServerRowProps) {
  const [editing, setEditing] = useState(false);
  const nameId = useId();
  const current = useServersStore((s) => s.currentServerId === server.id);
  const removed = server.status === 'removed';
  const needsKey = server.status === 'key_needed' || server.status === 'disconnected';
  const label = server.label;
  // Alt+↑/↓ anywhere in the row moves it, as the buttons do.
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const by = event.key === 'ArrowUp' ? -1 : 1;
    if ((by === -1 && first) || (by === 1 && last)) return;
    event.preventDefault();
    onMove(by);
  };
  return (
    <li
      className="server-row"
      aria-labelledby={nameId}
      data-server-id={server.id}
      data-status={server.status}
      data-server-colour={serverColour(server)}
      onKeyDown={onKeyDown}
    >
      <span className="server-swatch server-row-swatch" aria-hidden="true" />
      <div className="server-row-main">
        <div className="server-row-head">
          <h3 id={nameId} className="server-row-name break">
            <Bidi>{label}</Bidi>
          </h3>
          {current && !removed ? <Badge tone="accent">Current</Badge> : null}
          <Badge tone={serverStatusTone(server.status)} dot={server.status === 'connected'}>
            {serverStatusWords[server.status]}
          </Badge>
        </div>
        <div className="server-row-facts muted">
          <span className="mono break">{server.url}</span>
          {' · '}
          {serverGeneration(server)}
          {server.userEmail ? ` · ${server.userEmail}` : null}
        </div>
        <div className="server-row-facts muted">
          {server.demo ? (
            'Built in: no account or key needed.'
          ) : server.key ? (
            <>
              Key <span className="mono">{server.key.label}</span> · {keyStorageDescriptions[server.key.storage].title}
            </>
          ) : removed ? (
            'Removed: its meetings stay on this computer.'
          ) : (
            'No API key kept.'
          )}
        </div>
        {server.error && server.status !== 'connected' ? <p className="server-row-error break">{server.error.message}</p> : null}
        {editing ? <LookEditor server={server} onDone={() => setEditing(false)} /> : null}
      </div>
      <div className="server-row-actions">
        <div className="server-row-move" role="group" aria-label={`Place of ${label} in the list`}>
          <Button
            size="sm"
            variant="ghost"
            icon={<ArrowUpIcon />}
            unavailable={first}
            aria-label={`Move ${label} up`}
            aria-keyshortcuts="Alt+ArrowUp"
            data-move="up"
            onClick={() => onMove(-1)}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={<ArrowDownIcon />}
            unavailable={last}
            aria-label={`Move ${label} down`}
            aria-keyshortcuts="Alt+ArrowDown"
            data-move="down"
            onClick={() => onMove(1)}
          />
        </div>
        {needsKey && !server.demo ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => useServersStore.getState().openReconnect(server.id)}
            aria-label={`Enter key for ${label}`}
          >
            Enter key
          </Button>
        ) : null}
        {!editing && !removed ? (
          <Button size="sm" onClick={() => setEditing(true)} aria-label={`Rename ${label} or change its colour`}>
            Rename…
          </Button>
        ) : null}
        {!removed && server.status !== 'disconnected' ? (
          <Button size="sm" variant="ghost" onClick={onDisconnect} aria-label={`Disconnect ${label}…`}>
            Disconnect…
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          className="server-row-remove"
          onClick={onRemove}
          aria-label={`${removed ? 'Delete the meetings of' : 'Remove'} ${label}…`}
        >
          {removed ? 'Delete meetings…' : 'Remove…'}
        </Button>
      </div>
    </li>
  );
}
