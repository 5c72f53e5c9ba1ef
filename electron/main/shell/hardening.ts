import type { WebContents } from 'electron';
import { decideNavigation, decideWindowOpen, toAllowedExternalUrl } from './navigation';

export interface HardeningOptions {
  appOrigin: string;
  /** Receives links that passed the allowlist; they open in the system browser. */
  openExternal: (url: string) => void;
  onBlocked?: (what: 'navigation' | 'window' | 'webview', url: string) => void;
}

/**
 * Applied to every web contents the app creates (app `web-contents-created`), not just the
 * main window, so a future window or DevTools cannot become a way around the policy.
 */
export function hardenWebContents(contents: WebContents, { appOrigin, openExternal, onBlocked }: HardeningOptions): void {
  // `details.url`: the separate url argument of these events is deprecated in Electron 45.
  const guard = (details: { url: string; preventDefault(): void }, followLinks: boolean): void => {
    if (decideNavigation(details.url, appOrigin) === 'allow') return;
    details.preventDefault();
    // A plain <a href> to the web would otherwise do nothing at all; redirects are never followed.
    const external = followLinks ? toAllowedExternalUrl(details.url) : null;
    if (external) openExternal(external);
    else onBlocked?.('navigation', details.url);
  };
  contents.on('will-navigate', (details) => guard(details, true));
  contents.on('will-redirect', (details) => guard(details, false));

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) openExternal(decision.openExternally);
    else onBlocked?.('window', url);
    return { action: decision.action };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('webview', '');
  });
}
