import { useAnnouncerStore } from '../features/announcer/store';

/** The app's single polite live region; every status announcement goes through it. */
export function LiveRegion() {
  const message = useAnnouncerStore((s) => s.message);
  const seq = useAnnouncerStore((s) => s.seq);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
      <span key={seq}>{message}</span>
    </div>
  );
}
