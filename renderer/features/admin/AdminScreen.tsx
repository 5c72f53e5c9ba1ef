import { Banner, Button, EmptyState, Spinner } from '../../app/theme';
import { useNavigationStore } from '../navigation/store';
import { CurrentServerPicker } from '../servers/CurrentServerPicker';
import { loadAdminStatus } from './actions';
import { adminAvailable, useAdminStore } from './store';
import { UserPage } from './UserPage';
import { UsersView } from './UsersView';
import './admin.css';

export function AdminScreen() {
  return (
    <div className="admin-screen">
      <CurrentServerPicker what="Users and their API keys" className="admin-server-picker" />
      <AdminBody />
    </div>
  );
}

function AdminBody() {
  const status = useAdminStore((s) => s.status);
  const statusError = useAdminStore((s) => s.statusError);
  const userOpen = useAdminStore((s) => s.user !== null);
  const go = useNavigationStore((s) => s.go);

  if (statusError) {
    return (
      <div className="screen-content">
        <Banner
          tone="error"
          actions={
            <Button size="sm" onClick={() => void loadAdminStatus()}>
              Try again
            </Button>
          }
        >
          {statusError}
        </Banner>
      </div>
    );
  }
  if (!status) return <Spinner label="Checking the admin key…" />;
  if (!adminAvailable(status)) {
    return (
      <EmptyState
        title="Admin mode is off"
        actions={
          <Button variant="primary" onClick={() => go('settings')}>
            Open Settings
          </Button>
        }
      >
        Enter this server’s admin key in Settings, under Server administration, to manage users and their API keys.
      </EmptyState>
    );
  }
  return userOpen ? <UserPage /> : <UsersView />;
}
