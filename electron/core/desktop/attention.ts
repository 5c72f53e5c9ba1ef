import type { EventName } from '../../../shared/ipc/contract';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { Attention } from './ports';

/**
 * The lobby badge and the attention request, decided from the followed meetings of every server.
 * Only `awaiting_admission` counts: that is the one state a person fixes by admitting the bot.
 */

type Followed = Pick<TrackedMeetingView, 'serverId' | 'id' | 'status'>;

/** Two servers may both have meeting 7: a meeting is (server, id). */
const keyOf = (m: Followed): string => `${m.serverId}\u0000${m.id}`;

export interface AttentionStep {
  /** Bots waiting in the lobby now: the badge. */
  count: number;
  /** Which meetings wait now, to compare with at the next change. */
  waiting: ReadonlySet<string>;
  /** A bot entered a lobby since the last change and Do Not Disturb is off. */
  request: boolean;
}

/** The badge and whether to ask for attention, given the meetings that were waiting before. */
export function attentionStep(before: ReadonlySet<string>, meetings: readonly Followed[], doNotDisturb: boolean): AttentionStep {
  const waiting = new Set(meetings.filter((m) => m.status === 'awaiting_admission').map(keyOf));
  const entered = [...waiting].some((k) => !before.has(k));
  return { count: waiting.size, waiting, request: entered && !doNotDisturb };
}

/**
 * Feeds the Attention port from the core's events: the badge follows every change of the followed
 * meetings (Do Not Disturb keeps it: it is in the app, not a notification); an attention request
 * goes out once per lobby entry, never under Do Not Disturb, as the OS notification does.
 */
export function createAttentionFeed(sink: Attention, doNotDisturb: () => boolean): { observe(event: EventName, payload: unknown): void } {
  let waiting: ReadonlySet<string> = new Set();
  let shown = 0;
  return {
    observe(event, payload) {
      if (event !== 'bots:changed') return;
      const step = attentionStep(waiting, payload as TrackedMeetingView[], doNotDisturb());
      waiting = step.waiting;
      if (step.count !== shown) {
        shown = step.count;
        sink.setLobbyCount(step.count);
      }
      if (step.request) sink.requestAttention();
    },
  };
}
