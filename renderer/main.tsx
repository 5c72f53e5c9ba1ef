// Tokens and base styles first: every component stylesheet builds on them.
import './app/theme/tokens.css';
import './app/theme/base.css';
import { StrictMode, useLayoutEffect, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startCoreSync } from './app/coreSync';
import { followLinks } from './features/links/actions';
import { installErrorReporting } from './app/errorReporting';
import { OverlayApp } from './app/OverlayApp';
import { RestartNotice } from './app/RestartNotice';
import { overlayRoute, pageFlags, searchWithoutRestartFlag, subscribeToRoute } from './app/route';
import './app/app.css';
import { api, link, onPageAlert } from './platform/api';
import { showBrowserAlert } from './app/browserAlerts';
import { renderWhenFirstScreenKnown } from './app/firstRender';
import { useAppStore } from './features/app/store';
import { useConnectionStore } from './features/connection/store';

installErrorReporting(api);
startCoreSync(api, link);
onPageAlert(showBrowserAlert);
// Only the main window acts on `vexa://` links; the caption overlay's page opens on its own route.
if (overlayRoute(window.location.hash) === null) followLinks(api, link);

// The restart flag is said once: dropped from the address so a later reload does not repeat it.
const flags = pageFlags(window.location.search);
if (flags.restarted) {
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${searchWithoutRestartFlag(search)}${hash}`);
}

const subscribe = (onChange: () => void) => subscribeToRoute(window, onChange);
const currentHash = () => window.location.hash;

/**
 * Follows the route instead of reading it once: the desktop app moves the overlay window to
 * another meeting by changing only the fragment, which does not reload the page.
 */
function Root() {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const overlay = overlayRoute(hash);
  const isOverlay = overlay !== null;
  useLayoutEffect(() => {
    if (isOverlay) document.documentElement.dataset.window = 'overlay';
    else delete document.documentElement.dataset.window;
  }, [isOverlay]);
  if (overlay !== null) return <OverlayApp route={overlay} flags={flags} />;
  return (
    <>
      <App />
      {flags.restarted ? <RestartNotice /> : null}
    </>
  );
}

const root = document.getElementById('root');
const render = () => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
};
// The overlay draws from its own route at once; the main window draws its first screen once the
// core's state says which it is (renderer/app/firstRender.ts).
if (overlayRoute(window.location.hash) !== null) render();
else {
  renderWhenFirstScreenKnown(render, {
    facts: () => ({
      link: useAppStore.getState().link,
      ready: useAppStore.getState().info !== null && useConnectionStore.getState().view !== null,
    }),
    subscribe: (onChange) => {
      const offs = [useAppStore.subscribe(onChange), useConnectionStore.subscribe(onChange)];
      return () => offs.forEach((off) => off());
    },
    schedule: (fn, ms) => {
      const timer = window.setTimeout(fn, ms);
      return () => window.clearTimeout(timer);
    },
  });
}
