/**
 * In-band `health` frames: `{type:"health", meeting:"<platform>/<native_id>", source, kind, status?, detail}`.
 * Vexa's docs announce them ("`health` frames surface engine/no-signal faults in-band",
 * docs/docs/how-to/stream-transcript.mdx); the v0.12 line's local desktop gateway sends them
 * (core/meetings/services/desktop/src/desktop.ts `reportFault`: `capture`/`no-signal` when no audio
 * arrives, `engine`/<kind> when the speech-to-text backend fails), throttled to one per 15 s. The
 * meeting is named by its link, not its row id.
 */
export type HealthProblem = 'no_audio' | 'transcription_down';

export interface HealthReport {
  platform: string;
  nativeId: string;
  problem: HealthProblem;
  /** The server's own words, for the details line (never shown as the headline). */
  detail: string | null;
  status: number | null;
  kind: string;
}

export function parseHealthFrame(frame: Record<string, unknown>): HealthReport | null {
  if (frame.type !== 'health' || typeof frame.meeting !== 'string') return null;
  const slash = frame.meeting.indexOf('/');
  if (slash <= 0) return null;
  const kind = typeof frame.kind === 'string' ? frame.kind : 'unknown';
  const source = typeof frame.source === 'string' ? frame.source : 'engine';
  return {
    platform: frame.meeting.slice(0, slash),
    nativeId: frame.meeting.slice(slash + 1),
    problem: source === 'capture' || kind === 'no-signal' ? 'no_audio' : 'transcription_down',
    detail: typeof frame.detail === 'string' && frame.detail.trim() ? frame.detail.slice(0, 300) : null,
    status: typeof frame.status === 'number' ? frame.status : null,
    kind,
  };
}

export interface HealthAdvice {
  title: string;
  /** What the person can do about it. */
  advice: string;
}

const PAYMENT = new Set([402]);

export function healthAdvice(h: Pick<HealthReport, 'problem' | 'status' | 'kind'>): HealthAdvice {
  if (h.problem === 'no_audio') {
    return {
      title: 'The bot hears no audio',
      advice:
        'Nothing is being transcribed. Check that people in the meeting are unmuted and that the bot was not muted or moved to a breakout room; if it stays silent, stop the bot and send it again.',
    };
  }
  if ((h.status !== null && PAYMENT.has(h.status)) || /payment|balance|quota/i.test(h.kind)) {
    return {
      title: 'Transcription has stopped',
      advice:
        'The transcription service refused the audio because its account has no balance left. Top up or change the transcription account on the server; lines said until then are not transcribed.',
    };
  }
  return {
    title: 'Transcription has stopped',
    advice:
      'The server’s transcription engine is failing, so new lines are not being transcribed. Tell whoever runs the server; the bot stays in the meeting and transcription resumes once the engine is back.',
  };
}

/**
 * What a server says when its bot needs a person (`needs_help`): G2 (v0.10) publishes
 * `payload.data = {escalation_reason, vnc_url, escalated_at}` with the status frame and keeps the
 * same in `meeting.data.escalation`; `vnc_url` is `/b/{meeting_id}`, a path on the gateway that
 * shows the bot's browser (Vexa-ai/vexa v0.10 services/meeting-api/meeting_api/callbacks.py
 * `bot_status_change_callback`). G3 frames carry only the status.
 */
export interface HelpRequest {
  /** The server's reason, in its words; null when it gave none (or only "unknown"). */
  reason: string | null;
  /** The server's address of the bot's screen (`vnc_url`), as given; opened only through `helpScreenUrl`. */
  screen: string | null;
  at: number | null;
}

/** The reason as a person reads it: `admission_needs_a_person` → "admission needs a person". */
export function helpReasonText(reason: unknown): string | null {
  if (typeof reason !== 'string') return null;
  const text = reason.replace(/_/g, ' ').trim().slice(0, 300);
  return text && text.toLowerCase() !== 'unknown' ? text : null;
}

/**
 * The bot's screen as a web address on the meeting's own server, or null. The server gives a path
 * (`/b/7`); an absolute address is accepted only on the same origin, so a frame cannot send the
 * person elsewhere. No key is ever added: the server's page asks for its own sign-in.
 */
export function helpScreenUrl(serverUrl: string, screen: string | null): string | null {
  if (!screen) return null;
  try {
    const base = new URL(serverUrl);
    const url = new URL(screen, base);
    if (url.origin !== base.origin || !/^https?:$/.test(url.protocol)) return null;
    return url.href;
  } catch {
    return null;
  }
}
