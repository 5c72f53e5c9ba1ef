import { normaliseChat } from './normaliseMisc';
import { normaliseSegments } from './normalise';
import type { ChatMessage, TranscriptSegment } from './types';

/**
 * Meeting chat as transcript segments, so that it is merged, cached, searched and exported with the
 * captions and told apart by `source: "chat"`, which is how G3 delivers it already (chat arrives in
 * the transcript as segments with `source:"chat"`, the sender as `speaker`; Vexa-ai/vexa
 * docs/docs/api/meetings.mdx, Jitsi). G1/G2 keep chat apart: `GET /bots/{p}/{n}/chat`
 * (`{messages:[{sender, text, timestamp (ms), is_from_bot}], meeting_id}`) and live
 * `{"type":"chat.new_message","meeting":{"id"},"payload":{sender, text, timestamp, is_from_bot}}`
 * frames (`@v0.9:services/vexa-bot/core/src/services/chat.ts`).
 *
 * `start`/`end` are seconds from `origin` (the meeting's start) where it is known, else epoch
 * seconds: the servers read any segment time at or above 1e9 as epoch seconds (G3
 * `_fill_absolute_times`), and so do the exporters and the captions' clock.
 */
export const CHAT_SOURCE = 'chat';

export function isChat(seg: { source?: string | null }): boolean {
  return seg.source === CHAT_SOURCE;
}

/** One wire segment (the REST/WS segment shape every parser here reads) per chat message with a time. */
export function chatToWireSegment(
  m: Pick<ChatMessage, 'sender' | 'text' | 'timestamp'>,
  origin: number | null = null,
): Record<string, unknown> | null {
  if (m.timestamp === null || !Number.isFinite(m.timestamp) || m.text.trim() === '') return null;
  const at = new Date(m.timestamp).toISOString();
  const seconds = origin !== null && m.timestamp >= origin ? (m.timestamp - origin) / 1000 : m.timestamp / 1000;
  return {
    // Stable across reads and the live frame: a message is its time and sender.
    segment_id: `chat:${m.timestamp}:${m.sender}`,
    speaker: m.sender || null,
    text: m.text,
    start: seconds,
    end: seconds,
    completed: true,
    source: CHAT_SOURCE,
    absolute_start_time: at,
    absolute_end_time: at,
  };
}

export function chatToWireSegments(messages: readonly ChatMessage[], origin: number | null = null): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const m of messages) {
    const seg = chatToWireSegment(m, origin);
    if (seg) out.push(seg);
  }
  return out;
}

/**
 * A G1/G2 `chat.new_message` frame as a keyed transcript frame (`transcript.mutable`), which the
 * merge engine takes as it is; null for any other frame or a message without text or time.
 */
export function chatFrameAsTranscript(frame: Record<string, unknown>, origin: number | null = null): Record<string, unknown> | null {
  if (frame.type !== 'chat.new_message') return null;
  const p = frame.payload as Record<string, unknown> | null | undefined;
  if (!p || typeof p !== 'object' || typeof p.text !== 'string') return null;
  const timestamp = typeof p.timestamp === 'number' ? p.timestamp : null;
  const seg = chatToWireSegment({ sender: typeof p.sender === 'string' ? p.sender : '', text: p.text, timestamp }, origin);
  return seg ? { type: 'transcript.mutable', meeting: frame.meeting, payload: { segments: [seg] } } : null;
}

export function chatToSegments(messages: readonly ChatMessage[], origin: number | null = null): TranscriptSegment[] {
  return normaliseSegments(chatToWireSegments(messages, origin));
}

/**
 * A G1/G2 `GET /bots/{p}/{n}/chat` answer, with the row that answered (`meeting_id`): the route
 * reads the newest meeting on the link, so an older meeting of a recurring link must not take it.
 */
export function normaliseChatAnswer(raw: unknown): { meetingId: number | null; messages: ChatMessage[] } {
  const id = raw && typeof raw === 'object' ? (raw as { meeting_id?: unknown }).meeting_id : undefined;
  return { meetingId: typeof id === 'number' ? id : null, messages: normaliseChat(raw) };
}
