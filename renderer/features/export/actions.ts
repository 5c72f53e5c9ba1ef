import type { AiToolId } from '../../../shared/ipc/models';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { copiedMessage, handoffMessage, savedMessage, type ExportOptionsInput, type MeetingRef } from './describe';
import type { ExportFormat } from './formats';
import { triggerDownload } from './download';
import { useExportStore, type ExportToast } from './store';

/** IPC intents of export, copy, share and hand-off. Failures come back as the core's sentence. */

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** A toast for the eyes and the app's live region for screen readers. */
export function notify(text: string, tone: ExportToast['tone'] = 'success'): void {
  useExportStore.getState().showToast(text, tone);
  announce(text);
}

export const openExportDialog = (ref: MeetingRef, title: string) => useExportStore.getState().open('export', ref, title);
export const openShareDialog = (ref: MeetingRef, title: string) => useExportStore.getState().open('share', ref, title);

export async function loadPreview(
  ref: MeetingRef,
  format: ExportFormat,
  options: ExportOptionsInput,
): Promise<Outcome<{ text: string; partial: boolean }>> {
  const result = await api.invoke('export:preview', { ref, format, options });
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.message };
}

/**
 * Saves through the native dialog (desktop) or as a download (browser): `saved` is false when the
 * person cancelled the dialog; `error` is the core's sentence.
 */
export async function saveExport(
  ref: MeetingRef,
  format: ExportFormat,
  options: ExportOptionsInput,
): Promise<{ saved: boolean } | { error: string }> {
  const result = await api.invoke('export:save', { ref, format, options });
  if (!result.ok) return { error: result.message };
  const outcome = result.value;
  if (outcome.mode === 'cancelled') return { saved: false };
  if (outcome.mode === 'download') triggerDownload(outcome.fileName, outcome.mimeType, outcome.base64);
  // Closed first: while a modal is open the live region behind it is inert and would stay silent.
  // Only this export's dialog: the person may have closed it and opened another meanwhile.
  const { dialog, close } = useExportStore.getState();
  if (dialog?.kind === 'export' && dialog.ref === ref) close();
  notify(savedMessage(outcome));
  return { saved: true };
}

export async function copyTranscript(ref: MeetingRef, as: 'text' | 'markdown'): Promise<void> {
  const result = await api.invoke('export:copy', { ref, as, options: {} });
  if (result.ok) notify(copiedMessage(as, result.value.partial));
  else notify(result.message, 'error');
}

export async function createShare(ref: MeetingRef, ttlSeconds: number) {
  const result = await api.invoke('share:create', { ref, ttlSeconds });
  return result.ok ? ({ ok: true, value: result.value } as const) : ({ ok: false, message: result.message } as const);
}

/** Opens the tool through the core's allowlisting opener; on G3 the transcript goes to the clipboard first. */
export async function openInAiTool(ref: MeetingRef, tool: AiToolId): Promise<void> {
  const result = await api.invoke('handoff:open', { ref, tool });
  if (result.ok) notify(handoffMessage(tool, result.value.mode, result.value.partial), result.value.mode === 'link' ? 'success' : 'info');
  else notify(result.message, 'error');
}
