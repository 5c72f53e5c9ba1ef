import { useEffect, useId, useState } from 'react';
import type { McpHttpView } from '../../../shared/ipc/mcp';
import { Banner, Button } from '../../app/theme';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { copyText } from '../export/clipboard';

function switchHelp(view: McpHttpView | null, anyShared: boolean): string {
  if (!anyShared && !view?.enabled) return 'Tick at least one server above first: over HTTP, AI apps read the same meetings.';
  return 'For AI apps that connect to an MCP server by address instead of starting a command. Only apps on this computer can reach it, only with the token below, and only while Vexa Companion is open.';
}

/**
 * Settings → AI tools, the optional second way in: the same read-only library served by the
 * running app on 127.0.0.1 with a bearer token. Off until turned on; "New token" refuses the old
 * token from the next request on.
 */
export function AiToolsHttp({ anyShared }: { anyShared: boolean }) {
  const [view, setView] = useState<McpHttpView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    void api.invoke('mcp:http:get', undefined).then((r) => (r.ok ? setView(r.value) : setError(r.message)));
  }, []);

  const apply = async (
    request: () => Promise<{ ok: true; value: McpHttpView } | { ok: false; message: string }>,
    said: (v: McpHttpView) => string,
    undo?: () => void,
  ) => {
    setBusy(true);
    const r = await request();
    setBusy(false);
    if (!r.ok) {
      undo?.();
      return setError(r.message);
    }
    setError(null);
    setView(r.value);
    announce(said(r.value));
  };
  const toggle = (enabled: boolean) => {
    // The switch shows the choice at once; the core's answer then confirms it or puts it back.
    const previous = view;
    if (view) setView({ ...view, enabled });
    return apply(
      () => api.invoke('mcp:http:set', { enabled }),
      (v) =>
        v.state === 'on'
          ? `AI apps on this computer can now connect at ${v.url}.`
          : v.state === 'failed'
            ? 'The library could not be served over HTTP.'
            : 'The library is no longer served over HTTP.',
      () => setView(previous),
    );
  };
  const renew = () =>
    apply(
      () => api.invoke('mcp:http:newToken', undefined),
      () => 'New token made. The old one no longer works.',
    );
  const copy = async (text: string, what: string) => {
    announce((await copyText(text)) ? `${what} copied.` : `Could not copy the ${what.toLowerCase()}; select it and copy it instead.`);
  };

  const on = view?.state === 'on' && view.url && view.token && view.clientConfig ? view : null;
  return (
    <div className="stack-sm ai-tools-http" data-testid="ai-tools-http" data-state={view?.state ?? 'reading'}>
      <label className="switch-row" htmlFor={id}>
        <span className="switch-text">
          <span className="switch-label">Also serve over HTTP on this computer</span>
          <span className="muted" id={`${id}-help`}>
            {switchHelp(view, anyShared)}
          </span>
        </span>
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={view?.enabled ?? false}
          disabled={!view || busy || (!anyShared && !view.enabled)}
          aria-describedby={`${id}-help`}
          onChange={(e) => void toggle(e.target.checked)}
        />
      </label>
      {view?.state === 'failed' && view.problem ? <Banner tone="error">{view.problem}</Banner> : null}
      {on && !anyShared ? (
        <Banner tone="warn">Nothing is shared now: AI apps connected over HTTP get no meetings until you tick a server.</Banner>
      ) : null}
      {on ? (
        <>
          <div className="field">
            <span className="field-label" id={`${id}-url`}>
              Address
            </span>
            {on.port !== on.defaultPort ? (
              <p className="muted">
                Port {on.defaultPort} was in use, so this uses port {on.port}. It may change when the app restarts; copy it again then.
              </p>
            ) : null}
            <code className="ai-tools-code mono" aria-labelledby={`${id}-url`} tabIndex={0} data-testid="ai-tools-http-url">
              {on.url}
            </code>
            <div>
              <Button size="sm" onClick={() => void copy(on.url!, 'Address')}>
                Copy address
              </Button>
            </div>
          </div>
          <div className="field">
            <span className="field-label" id={`${id}-token`}>
              Token
            </span>
            <p className="muted">
              The AI app sends it as “Authorization: Bearer” followed by the token. It opens only this library, read-only; it is not a Vexa
              API key. A new token stops every app that has the old one at its next question.
            </p>
            <code className="ai-tools-code mono" aria-labelledby={`${id}-token`} tabIndex={0} data-testid="ai-tools-http-token">
              {on.token}
            </code>
            <div className="ai-tools-actions">
              <Button size="sm" onClick={() => void copy(on.token!, 'Token')}>
                Copy token
              </Button>
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void renew()}>
                New token
              </Button>
            </div>
          </div>
          <div className="field">
            <span className="field-label" id={`${id}-config`}>
              For apps that connect by address
            </span>
            <p className="muted">Add this to the AI app’s MCP configuration (merge it into an existing “mcpServers” block).</p>
            <pre className="ai-tools-code mono" aria-labelledby={`${id}-config`} tabIndex={0}>
              {on.clientConfig}
            </pre>
            <div>
              <Button size="sm" onClick={() => void copy(on.clientConfig!, 'Configuration')}>
                Copy configuration
              </Button>
            </div>
          </div>
        </>
      ) : null}
      {error ? <Banner tone="error">{error}</Banner> : null}
    </div>
  );
}
