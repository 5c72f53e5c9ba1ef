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
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (decideNavigation(url, appOrigin) === 'allow') return;
    event.preventDefault();
    onBlocked?.('navigation', url);
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
