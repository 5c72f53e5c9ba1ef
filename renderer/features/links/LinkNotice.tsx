import { Banner, Button } from '../../app/theme';
import { useLinksStore } from './store';

/** A `vexa://` link that was refused, and why: above every screen until dismissed. */
export function LinkNotice() {
  const notice = useLinksStore((s) => s.notice);
  const dismiss = useLinksStore((s) => s.dismiss);
  if (!notice) return null;
  return (
    <div className="banners">
      <Banner
        key={notice.seq}
        tone="error"
        title="That link could not be opened"
        actions={
          <Button variant="ghost" size="sm" onClick={dismiss}>
            Dismiss
          </Button>
        }
      >
        <span className="break">{notice.message}</span>
      </Banner>
    </div>
  );
}
