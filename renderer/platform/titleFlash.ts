/**
 * The tab's title as a lobby alert in a browser: it alternates with "Bot waiting · Vexa Companion"
 * until the person looks at the tab (visible and focused), then the title is put back. Free of
 * DOM globals (the page is passed in) so it is tested in Node with fake time.
 */

export const WAITING_TITLE = 'Bot waiting · Vexa Companion';
/** Slow enough to read, quick enough to catch the eye in a row of tabs. */
export const FLASH_MS = 1000;

export interface FlashPage {
  title: string;
  /** The person can see the tab: visible and in front (`document.hasFocus()`). */
  seen(): boolean;
  /** Calls back when the tab may have become seen (focus, visibilitychange); returns an unsubscribe. */
  onMaybeSeen(listener: () => void): () => void;
  every(ms: number, fn: () => void): () => void;
}

export interface TitleFlasher {
  /** A bot entered a lobby: flash until seen (nothing when the tab is already seen). */
  start(): void;
  readonly flashing: boolean;
}

export function createTitleFlasher(page: FlashPage): TitleFlasher {
  let stop: (() => void) | null = null;
  let original = '';
  const end = (): void => {
    stop?.();
    stop = null;
    page.title = original;
  };
  return {
    start() {
      if (stop || page.seen()) return;
      original = page.title;
      page.title = WAITING_TITLE;
      const cancelTimer = page.every(FLASH_MS, () => {
        page.title = page.title === WAITING_TITLE ? original : WAITING_TITLE;
      });
      const unlisten = page.onMaybeSeen(() => {
        if (page.seen()) end();
      });
      stop = () => {
        cancelTimer();
        unlisten();
      };
    },
    get flashing() {
      return stop !== null;
    },
  };
}
