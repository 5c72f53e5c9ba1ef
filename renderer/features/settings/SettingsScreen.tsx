import { AccountSection } from '../account/AccountSection';
import { AdminKeySection } from '../admin/AdminKeySection';
import { useAppStore } from '../app/store';
import { WebhookSection } from '../webhooks/WebhookSection';
import { useConnectionStore } from '../connection/store';
import { StartAtLoginSection } from '../desktop/StartAtLoginSection';
import { CurrentServerPicker } from '../servers/CurrentServerPicker';
import { ServersSection } from '../servers/ServersSection';
import { UpdatesSection } from '../updates/UpdatesSection';
import { ShortcutsSection } from '../shortcuts/ShortcutsSection';
import { CalendarsSection } from '../planning/CalendarsSection';
import { AiPromptsSection } from './AiPromptsSection';
import { AiToolsSection } from './AiToolsSection';
import { AlertsSection, LaunchDefaultsSection } from './AlertsSection';
import { AppearanceSection } from './AppearanceSection';
import { DesktopSection, showsDesktopSection } from './DesktopSection';
import { AboutSection, ApiKeySection, DataSection, SecureStorageSection } from './InfoSections';
import { LibrarySection } from './LibrarySection';
import { OfflineRecordingsSection } from '../recordings/OfflineRecordingsSection';
import { ServerSection } from './ServerSection';
import { WatchWordsSection } from '../watchWords/WatchWordsSection';
import './settings.css';

export function SettingsScreen() {
  const connection = useConnectionStore((s) => s.view);
  const info = useAppStore((s) => s.info);
  return (
    <div className="screen-content">
      <CurrentServerPicker what="Server, API key, account, webhook and administration settings" />
      <ServersSection />
      {connection ? <ServerSection connection={connection} /> : null}
      {connection && !connection.server?.demo ? <ApiKeySection keyInfo={connection.key} /> : null}
      {connection?.server ? (
        <AccountSection serverId={connection.server.id} keyLabel={connection.key?.label ?? null} demo={connection.server.demo} />
      ) : null}
      {connection?.server ? <WebhookSection serverId={connection.server.id} signs={connection.server.generation !== 'g1'} /> : null}
      {connection?.server ? <CalendarsSection serverId={connection.server.id} /> : null}
      {connection?.server && !connection.server.demo ? <AdminKeySection /> : null}
      <AlertsSection />
      <WatchWordsSection />
      {info && showsDesktopSection(info) ? <DesktopSection /> : null}
      <StartAtLoginSection />
      <ShortcutsSection />
      <LaunchDefaultsSection />
      <AiPromptsSection />
      <AiToolsSection />
      <AppearanceSection />
      <LibrarySection />
      <OfflineRecordingsSection />
      <UpdatesSection />
      {info ? (
        <>
          <DataSection info={info} />
          <SecureStorageSection info={info} />
          <AboutSection info={info} />
        </>
      ) : null}
    </div>
  );
}
