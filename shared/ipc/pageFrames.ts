/**
 * Frames only the browser version carries, beside the IPC frames (electron/harness): what the
 * desktop app does through the operating system, the browser version's page does itself.
 * - server → `{clipboardWrite: {id, text}}`, answered by client → `{clipboardAnswer: {id, ok, message?}}`:
 *   the core's clipboard is the browser's (electron/harness/pageClipboard.ts).
 * - server → `{pageAlert: …}`: a system notification (`notification`), or a bot just entered a
 *   lobby and the app should draw the eye (`attention`: title and sound). The core sends neither
 *   under Do Not Disturb.
 */

export interface ClipboardWrite {
  id: number;
  text: string;
}

export interface ClipboardAnswer {
  id: number;
  ok: boolean;
  message?: string;
}

export type PageAlert =
  | { kind: 'notification'; tag: string; title: string; body: string; serverId?: string; meetingId?: number; lineKey?: string }
  | { kind: 'attention' };

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function clipboardWriteIn(value: unknown): ClipboardWrite | null {
  const w = record(value);
  return w && typeof w.id === 'number' && typeof w.text === 'string' ? { id: w.id, text: w.text } : null;
}

/** A page's answer to a clipboard write, or null when the value is not one. */
export function clipboardAnswerIn(value: unknown): ClipboardAnswer | null {
  const a = record(value);
  if (!a || typeof a.id !== 'number' || typeof a.ok !== 'boolean') return null;
  const message = typeof a.message === 'string' ? a.message.slice(0, 500) : undefined;
  return { id: a.id, ok: a.ok, ...(message ? { message } : {}) };
}

export function pageAlertIn(value: unknown): PageAlert | null {
  const a = record(value);
  if (!a) return null;
  if (a.kind === 'attention') return { kind: 'attention' };
  if (a.kind !== 'notification' || typeof a.tag !== 'string' || typeof a.title !== 'string' || typeof a.body !== 'string') return null;
  return {
    kind: 'notification',
    tag: a.tag,
    title: a.title,
    body: a.body,
    ...(typeof a.serverId === 'string' ? { serverId: a.serverId } : {}),
    ...(typeof a.meetingId === 'number' ? { meetingId: a.meetingId } : {}),
    ...(typeof a.lineKey === 'string' ? { lineKey: a.lineKey.slice(0, 512) } : {}),
  };
}
