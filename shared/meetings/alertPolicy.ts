import type { MeetingStatus } from '../vexa/types';
import { isolate } from '../bidi';
import { explainOutcome } from './outcome';

export type AlertKind = 'lobby' | 'admitted' | 'denied' | 'lobby_timeout' | 'needs_help' | 'failed' | 'completed';

export interface Alert {
  kind: AlertKind;
  meetingId: number;
  title: string;
  body: string;
}

export interface AlertSubject {
  meetingId: number;
  name: string;
  status: MeetingStatus;
  completionReason: string | null;
  failureStage: string | null;
}

/**
 * Decides which OS alerts a status change deserves. Each meeting gets one alert per lobby
 * entry and one per outcome, whatever the number of frames, polls or reconnects that report
 * the same status: the policy remembers what it already said.
 */
export class AlertPolicy {
  private readonly said = new Map<
    number,
    { lastStatus: MeetingStatus | null; lobbyEntries: number; alertedLobbyEntry: number; outcomes: Set<AlertKind> }
  >();

  forget(meetingId: number): void {
    this.said.delete(meetingId);
  }

  private entry(id: number) {
    let s = this.said.get(id);
    if (!s) {
      s = { lastStatus: null, lobbyEntries: 0, alertedLobbyEntry: 0, outcomes: new Set() };
      this.said.set(id, s);
    }
    return s;
  }

  /** Returns the alert to raise for this status, or null when there is nothing new to say. */
  onStatus(m: AlertSubject): Alert | null {
    const s = this.entry(m.meetingId);
    const previous = s.lastStatus;
    s.lastStatus = m.status;
    const once = (kind: AlertKind, title: string, body: string): Alert | null => {
      if (s.outcomes.has(kind)) return null;
      s.outcomes.add(kind);
      return { kind, meetingId: m.meetingId, title, body };
    };
    // The OS shows the server's name beside the app's sentence: isolated, it cannot reorder it.
    const name = isolate(m.name);
    switch (m.status) {
      case 'awaiting_admission': {
        if (previous !== 'awaiting_admission') s.lobbyEntries++;
        if (s.alertedLobbyEntry === s.lobbyEntries) return null;
        s.alertedLobbyEntry = s.lobbyEntries;
        return {
          kind: 'lobby',
          meetingId: m.meetingId,
          title: 'The bot is waiting in the lobby',
          body: `${name}: Admit the bot in the waiting room.`,
        };
      }
      case 'active':
        return s.lobbyEntries > 0 ? once('admitted', 'The bot was admitted', `${name}: transcription has started.`) : null;
      case 'needs_help':
        return once('needs_help', 'The bot needs help', `${name}: ${explainOutcome('needs_help', null, null)}`);
      case 'failed': {
        const body = `${name}: ${explainOutcome('failed', m.completionReason, m.failureStage)}`;
        if (m.completionReason === 'awaiting_admission_rejected') return once('denied', 'The bot was denied entry', body);
        if (m.completionReason === 'awaiting_admission_timeout') return once('lobby_timeout', 'Nobody admitted the bot', body);
        return once('failed', 'The bot could not finish', body);
      }
      case 'completed':
        return once('completed', 'Transcript ready', `${name}: ${explainOutcome('completed', m.completionReason, m.failureStage)}`);
      default:
        return null;
    }
  }
}
