import type { CaptionView } from '../../../shared/ipc/models';
import { captionAnnouncement } from './describe';

/**
 * Feeds newly confirmed captions to a polite live region at most once per interval. A screen
 * reader cannot keep up with every line of a busy meeting, so lines that arrive inside the
 * interval are summarised in one announcement ("3 new captions. Latest, …") when it ends.
 */
export interface CaptionAnnouncerDeps {
  announce(message: string): void;
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  intervalMs?: number;
}

export interface CaptionAnnouncer {
  push(lines: ReadonlyArray<Pick<CaptionView, 'speaker' | 'text'>>): void;
  dispose(): void;
}

export const CAPTION_ANNOUNCE_INTERVAL_MS = 5_000;

export function createCaptionAnnouncer(deps: CaptionAnnouncerDeps): CaptionAnnouncer {
  const interval = deps.intervalMs ?? CAPTION_ANNOUNCE_INTERVAL_MS;
  let lastAt = Number.NEGATIVE_INFINITY;
  let queued: Array<Pick<CaptionView, 'speaker' | 'text'>> = [];
  let cancel: (() => void) | null = null;

  const flush = (): void => {
    cancel = null;
    const message = captionAnnouncement(queued);
    queued = [];
    if (!message) return;
    lastAt = deps.now();
    deps.announce(message);
  };

  return {
    push(lines) {
      if (lines.length === 0) return;
      queued.push(...lines);
      if (cancel) return;
      const wait = lastAt + interval - deps.now();
      if (wait <= 0) flush();
      else cancel = deps.schedule(flush, wait);
    },
    dispose() {
      cancel?.();
      cancel = null;
      queued = [];
    },
  };
}
