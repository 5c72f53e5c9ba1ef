import { useAppStore } from '../features/app/store';
import { Banner } from './theme';

/** The library could not be opened (a cache from a newer app version): say so above every screen. */
export function CacheNotice() {
  const notice = useAppStore((s) => s.info?.cacheNotice ?? null);
  if (!notice) return null;
  return (
    <div className="banners">
      <Banner tone="warn" title="The offline library is not available">
        {notice} Until then, meetings are kept for this session only.
      </Banner>
    </div>
  );
}
