// Tokens and base styles first: every component stylesheet builds on them.
import './app/theme/tokens.css';
import './app/theme/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startCoreSync } from './app/coreSync';
import { installErrorReporting } from './app/errorReporting';
import { OverlayApp } from './app/OverlayApp';
import { overlayRoute } from './app/route';
import './app/app.css';
import { api, link } from './platform/api';

installErrorReporting(api);
startCoreSync(api, link);

const overlayMeeting = overlayRoute(window.location.hash);
if (overlayMeeting !== null) document.documentElement.dataset.window = 'overlay';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<StrictMode>{overlayMeeting !== null ? <OverlayApp meetingId={overlayMeeting} /> : <App />}</StrictMode>);
}
