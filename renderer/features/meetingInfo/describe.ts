import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { ParticipantRowView, ParticipantsView } from '../../../shared/ipc/meetingInfo';

export interface HealthView {
  kind: 'needs_help' | 'no_audio' | 'transcription_down';
  title: string;
  advice: string;
  /** The server's own words, shown small under the advice. */
  detail: string | null;
  /** The server offers a view of the bot's screen (G2 `vnc_url`), opened in the browser. */
  screen: boolean;
  /** When the server last reported the problem (a problem kept across a restart may be older). */
  reportedAt: number | null;
}

/** "Last reported 3 min ago" once a report is old enough that the person should know its age. */
export function reportAge(reportedAt: number | null, now: number, ago: (at: number) => string): string | null {
  return reportedAt !== null && now - reportedAt >= 60_000 ? `Last reported ${ago(reportedAt)}.` : null;
}

const NEEDS_HELP: Omit<HealthView, 'detail' | 'screen' | 'reportedAt'> = {
  kind: 'needs_help',
  title: 'The bot needs help to get in',
  advice:
    'It cannot get into the meeting by itself. Open the meeting and let it in from the lobby, or ask the host to; if nobody can, stop the bot.',
};

/** What is wrong with a running meeting and what the person can do, or null when nothing is. */
export function healthView(m: Pick<TrackedMeetingView, 'status' | 'health' | 'help'>): HealthView | null {
  if (m.status === 'needs_help') {
    const screen = Boolean(m.help?.screen);
    return {
      ...NEEDS_HELP,
      advice: screen
        ? 'It cannot get into the meeting by itself. Open the bot’s screen to see where it is stuck, or let it in from the lobby (or ask the host to); if nobody can, stop the bot.'
        : NEEDS_HELP.advice,
      detail: m.help?.reason ?? null,
      screen,
      reportedAt: null,
    };
  }
  if (!m.health || m.status === 'completed' || m.status === 'failed') return null;
  return {
    kind: m.health.problem,
    title: m.health.title,
    advice: m.health.advice,
    detail: m.health.detail,
    screen: false,
    reportedAt: m.health.at,
  };
}

/** "4 min 12 s" of speaking, or "38 s". */
export function speakingTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

const RESPONSES: Record<string, string> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'maybe',
  'needs-action': 'no answer',
  needs_action: 'no answer',
};

export interface ParticipantLine {
  key: string;
  name: string;
  /** "Invited · accepted", "Spoke · 3 min 10 s · 12 lines". */
  detail: string;
}

function line(r: ParticipantRowView, i: number): ParticipantLine {
  const parts: string[] = [];
  if (r.source === 'invite') {
    parts.push('Invited');
    const answer = r.responseStatus ? (RESPONSES[r.responseStatus.toLowerCase()] ?? r.responseStatus) : null;
    if (answer) parts.push(answer);
  } else {
    parts.push('Spoke');
    if (r.speakingSeconds !== null) parts.push(speakingTime(r.speakingSeconds));
    if (r.segmentCount !== null) parts.push(`${r.segmentCount} ${r.segmentCount === 1 ? 'line' : 'lines'}`);
  }
  return { key: `${r.source}:${r.name}:${i}`, name: r.name, detail: parts.join(' · ') };
}

export interface ParticipantsSummary {
  invited: ParticipantLine[];
  spoke: ParticipantLine[];
  /** Says what the lists can and cannot tell (never "nobody came"). */
  note: string | null;
}

/**
 * The server's lists as the meeting page shows them: who was invited and who was heard, apart,
 * because the server does not match one to the other; where it records nobody's presence, the
 * page says attendance was not recorded rather than that nobody came.
 */
export function participantsSummary(v: ParticipantsView): ParticipantsSummary {
  const invited = v.rows.filter((r) => r.source === 'invite').map(line);
  const spoke = v.rows.filter((r) => r.source === 'speaker').map(line);
  let note: string | null = null;
  if (!v.rosterRecorded && (v.state === 'fresh' || v.state === 'cached')) {
    note =
      invited.length + spoke.length === 0
        ? 'Attendance was not recorded for this meeting, and nobody was heard or invited through a calendar.'
        : 'Attendance was not recorded: people who joined without speaking are not listed unless they were invited.';
  }
  return { invited, spoke, note };
}
