import type { ChatMessage } from './types';

/**
 * Meeting chat as transcript segments, so that it is merged, cached, searched and exported with the
 * captions and told apart by `source: "chat"`, which is how G3 delivers it already (chat arrives in
 * the transcript as segments with `source:"chat"`, the sender as `speaker`; Vexa-ai/vexa
 * docs/docs/api/meetings.mdx, Jitsi). G1/G2 keep chat apart: `GET /bots/{p}/{n}/chat`
 * (`{messages:[{sender, text, timestamp (ms), is_from_bot}], meeting_id}`) and live
 * `{"type":"chat.new_message","meeting":{"id"},"payload":{sender, text, timestamp, is_from_bot}}`
 * frames (`@v0.9:services/vexa-bot/core/src/services/chat.ts`).
 *
 * `start`/`end` are epoch seconds: the servers read any segment time at or above 1e9 as epoch
 * seconds (G3 `_fill_absolute_times`), and so do the exporters.
 */
export const CHAT_SOURCE = 'chat';

export function isChat(seg: { source?: string | null }): boolean {
  return seg.source === CHAT_SOURCE;
}

/** One wire segment (the REST/WS segment shape every parser here reads) per chat message with a time. */
export function chatToWireSegment(m: Pick<ChatMessage, 'sender' | 'text' | 'timestamp'>): Record<string, unknown> | null {
  if (m.timestamp === null || !Number.isFinite(m.timestamp) || m.text.trim() === '') return null;
  const at = new Date(m.timestamp).toISOString();
  return {
    // Stable across reads and the live frame: a message is its time and sender.
    segment_id: `chat:${m.timestamp}:${m.sender}`,
    speaker: m.sender || null,
    text: m.text,
    start: m.timestamp / 1000,
    end: m.timestamp / 1000,
    completed: true,
    source: CHAT_SOURCE,
    absolute_start_time: at,
    absolute_end_time: at,
  };
}

export function chatToWireSegments(messages: readonly ChatMessage[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const m of messages) {
    const seg = chatToWireSegment(m);
    if (seg) out.push(seg);
  }
  return out;
}

/**
 * A G1/G2 `chat.new_message` frame as a keyed transcript frame (`transcript.mutable`), which the
 * merge engine takes as it is; null for any other frame or a message without text or time.
 */
export function chatFrameAsTranscript(frame: Record<string, unknown>): Record<string, unknown> | null {
  if (frame.type !== 'chat.new_message') return null;
  const p = frame.payload as Record<string, unknown> | null | undefined;
  if (!p || typeof p !== 'object' || typeof p.text !== 'string') return null;
  const timestamp = typeof p.timestamp === 'number' ? p.timestamp : null;
  const seg = chatToWireSegment({ sender: typeof p.sender === 'string' ? p.sender : '', text: p.text, timestamp });
  return seg ? { type: 'transcript.mutable', meeting: frame.meeting, payload: { segments: [seg] } } : null;
}
