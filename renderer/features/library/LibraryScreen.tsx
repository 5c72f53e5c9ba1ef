import { useEffect } from 'react';
import { Banner, Button, EmptyState, Spinner } from '../../app/theme';
import { LibraryIcon, RefreshIcon } from '../../app/theme/icons';
import { useConnectionStore } from '../connection/store';
import { loadMeetings } from './actions';
import { MeetingList } from './MeetingList';
import { useLibraryStore } from './store';
import './library.css';

export function LibraryScreen() {
  const serverId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const meetings = useLibraryStore((s) => (s.serverId === serverId ? s.meetings : null));
  const loading = useLibraryStore((s) => s.loading);
  const error = useLibraryStore((s) => s.error);

  useEffect(() => {
    void loadMeetings(serverId);
  }, [serverId]);

  const refresh = (
    <Button size="sm" variant="ghost" icon={<RefreshIcon />} busy={loading} onClick={() => void loadMeetings(serverId)}>
      Refresh
    </Button>
  );

  if (meetings === null) {
    if (error) {
      return (
        <div className="screen-content">
          <Banner tone="error" title="Could not load your meetings" actions={refresh}>
            {error}
          </Banner>
        </div>
      );
    }
    return (
      <div className="full-window">
        <Spinner large label="Loading meetings…" />
      </div>
    );
  }

  if (meetings.length === 0) {
    return (
      <EmptyState icon={<LibraryIcon size={22} />} title="No meetings yet" actions={refresh}>
        Meetings you send a bot to appear here with their status and date.
      </EmptyState>
    );
  }

  return (
    <div className="screen-content library">
      <div className="row">
        <h2>
          {meetings.length} {meetings.length === 1 ? 'meeting' : 'meetings'}
        </h2>
        <div className="spacer" />
        {refresh}
      </div>
      {error ? <Banner tone="error">{error}</Banner> : null}
      <MeetingList meetings={meetings} />
    </div>
  );
}
