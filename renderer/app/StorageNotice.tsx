import { useAppStore } from '../features/app/store';
import { storageNoticeKey, storageNoticeTitle, visibleStorageNotice } from './storageNotice';
import { Banner, Button } from './theme';

/**
 * The library, a key or the settings cannot be saved to disk (a read-only or full disk, a removed
 * data folder, a cache from a newer version): said above every screen, with the file and what to
 * do, until the person dismisses it for this session. Settings › Data keeps showing it.
 */
export function StorageNotice() {
  const notice = useAppStore((s) => visibleStorageNotice(s.info?.storage, s.dismissedStorage));
  const dismiss = useAppStore((s) => s.dismissStorage);
  if (!notice) return null;
  return (
    <div className="banners">
      <Banner
        tone="warn"
        live
        title={storageNoticeTitle(notice)}
        actions={
          <Button variant="ghost" size="sm" onClick={() => dismiss(storageNoticeKey(notice))}>
            Dismiss
          </Button>
        }
      >
        <span className="break">{notice.message}</span>
      </Banner>
    </div>
  );
}
