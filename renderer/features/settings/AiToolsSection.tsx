import { useEffect, useId, useRef, useState } from 'react';
import type { McpView } from '../../../shared/ipc/mcp';
import { Banner, Button, Card } from '../../app/theme';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { copyText } from '../export/clipboard';
import { useServersStore } from '../servers/store';
import { AiToolsHttp } from './AiToolsHttp';
import './aiTools.css';

const DESCRIPTION =
  'Let an AI app on this computer (Claude Desktop, Cursor, or any app that speaks the Model Context Protocol) search and read the meetings you choose.';

/**
 * The library as a tool for AI apps: which servers' meetings they may read (none until ticked)
 * and the command to paste into the AI app. The AI app starts that command itself and reads this
 * computer's library, read-only, without the network and without any key.
 */
export function AiToolsSection() {
  const [view, setView] = useState<McpView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  // Read again when a server is added or removed while Settings is open.
  const knownServers = useServersStore((s) => s.servers.map((server) => server.id).join('\n'));

  useEffect(() => {
    void api.invoke('mcp:get', undefined).then((r) => (r.ok ? setView(r.value) : setError(r.message)));
  }, [knownServers]);

  // The meeting counts follow the library: read again (at most twice a second) after a sync or a
  // change, unless a tick is on its way to the core.
  const busyRef = useRef(false);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('library:changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        if (busyRef.current) return;
        void api.invoke('mcp:get', undefined).then((r) => {
          if (r.ok && !busyRef.current) setView(r.value);
        });
      }, 500);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const share = async (serverId: string, on: boolean) => {
    if (!view) return;
    const current = view.servers.filter((s) => s.exposed).map((s) => s.serverId);
    const serverIds = on ? [...current, serverId] : current.filter((s) => s !== serverId);
    // The box shows the choice at once; the core's answer then confirms it or puts it back.
    const previous = view;
    setView({ ...view, servers: view.servers.map((s) => (s.serverId === serverId ? { ...s, exposed: on } : s)) });
    setBusy(true);
    const r = await api.invoke('mcp:setExposed', { serverIds });
    setBusy(false);
    if (!r.ok) {
      setView(previous);
      return setError(r.message);
    }
    setError(null);
    setView(r.value);
    const label = r.value.servers.find((s) => s.serverId === serverId)?.label ?? 'This server';
    announce(on ? `AI tools can now read the meetings of ${label}.` : `AI tools can no longer read the meetings of ${label}.`);
  };

  const copy = async (text: string, what: string) => {
    announce((await copyText(text)) ? `${what} copied.` : `Could not copy the ${what.toLowerCase()}; select it and copy it instead.`);
  };

  return (
    <Card title="AI tools (MCP)" description={DESCRIPTION}>
      <div className="stack-sm ai-tools">
        <p>
          An AI app can then search your transcripts, list your meetings, and read a meeting’s transcript, notes, participants and status
          history, from the copy on this computer. It can only read: it cannot change, delete or send anything, and it never sees your API
          keys.
        </p>
        <fieldset className="ai-tools-servers" aria-describedby={`${id}-rule`}>
          <legend className="field-label">Meetings AI apps may read</legend>
          <p id={`${id}-rule`} className="muted">
            Nothing is shared until you tick a server, and a server you add later stays unshared until you tick it. A change applies to the
            AI app’s next question; it does not need a restart.
          </p>
          {view === null && !error ? <p className="muted">Reading your servers…</p> : null}
          {view && view.servers.length === 0 ? (
            <p className="muted">Connect a server first: its meetings can then be shared here.</p>
          ) : null}
          {view?.servers.map((s) => (
            <label key={s.serverId} className="ai-tools-server">
              <input type="checkbox" checked={s.exposed} disabled={busy} onChange={(e) => void share(s.serverId, e.target.checked)} />
              <span>
                {s.label} <span className="muted">({s.meetings === 1 ? '1 meeting' : `${s.meetings} meetings`} on this computer)</span>
              </span>
            </label>
          ))}
        </fieldset>
        {view?.unavailable ? <Banner tone="warn">{view.unavailable}</Banner> : null}
        {view?.commandLine && view.clientConfig ? (
          <>
            <div className="field">
              <span className="field-label" id={`${id}-command`}>
                Command for the AI app
              </span>
              <p className="muted">
                In the AI app’s settings, add an MCP server (stdio) that runs this command. It starts by itself when the AI app needs it.
              </p>
              <code className="ai-tools-code mono" aria-labelledby={`${id}-command`} tabIndex={0}>
                {view.commandLine}
              </code>
              <div>
                <Button size="sm" onClick={() => void copy(view.commandLine!, 'Command')}>
                  Copy command
                </Button>
              </div>
            </div>
            <div className="field">
              <span className="field-label" id={`${id}-config`}>
                For Claude Desktop
              </span>
              <p className="muted">
                Open Claude’s Settings → Developer → Edit Config, add this to claude_desktop_config.json (merge it into an existing
                “mcpServers” block), save, then restart Claude.
              </p>
              <pre className="ai-tools-code mono" aria-labelledby={`${id}-config`} tabIndex={0}>
                {view.clientConfig}
              </pre>
              <div>
                <Button size="sm" onClick={() => void copy(view.clientConfig!, 'Configuration')}>
                  Copy configuration
                </Button>
              </div>
            </div>
          </>
        ) : null}
        {error ? <Banner tone="error">{error}</Banner> : null}
        {view ? <AiToolsHttp anyShared={view.servers.some((s) => s.exposed)} /> : null}
      </div>
    </Card>
  );
}
