import { useEffect } from 'react';
import { useAppStore } from '../features/app/store';
import { useConnectionStore } from '../features/connection/store';
import { OnboardingScreen } from '../features/onboarding/OnboardingScreen';
import { opensApp } from '../features/servers/describe';
import { useServersStore } from '../features/servers/store';
import { useSettingsStore } from '../features/settings/store';
import { api } from '../platform/api';
import { ErrorBoundary } from './ErrorBoundary';
import { reportError } from './errorReporting';
import { CoreLost, MissingToken, TokenRefused } from './FullWindowStates';
import { LiveRegion } from './LiveRegion';
import { Shell } from './Shell';
import { Starting } from './Starting';

/** `data-theme` pins light or dark; `system` leaves it to prefers-color-scheme (see tokens.css). */
function useThemeAttribute() {
  const theme = useSettingsStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

function Content() {
  const link = useAppStore((s) => s.link);
  const ready = useAppStore((s) => s.info !== null);
  const connection = useConnectionStore((s) => s.view);
  const servers = useServersStore((s) => s.servers);
  const libraryMeetings = useServersStore((s) => s.libraryMeetings);
  if (link === 'no-token') return <MissingToken />;
  if (link === 'lost') return <CoreLost />;
  if (link === 'refused') return <TokenRefused />;
  if (!ready || !connection) return <Starting />;
  if (!opensApp(connection, servers, libraryMeetings)) return <OnboardingScreen />;
  return <Shell connection={connection} />;
}

export function App() {
  useThemeAttribute();
  return (
    <>
      <ErrorBoundary onError={(e) => reportError(api, e)}>
        <Content />
      </ErrorBoundary>
      <LiveRegion />
    </>
  );
}
