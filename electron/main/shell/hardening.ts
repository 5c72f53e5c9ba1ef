import type { WebContents } from 'electron';
import { decideNavigation, decideWindowOpen } from './navigation';

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
  const guard = (details: { url: string; preventDefault(): void }): void => {
    if (decideNavigation(details.url, appOrigin) === 'allow') return;
    details.preventDefault();
    onBlocked?.('navigation', details.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);

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
