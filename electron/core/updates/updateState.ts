import type { UpdateCheckResult, UpdateOffer, UpdatePhase, UpdateProgress, UpdatesOffReason } from '../../../shared/ipc/updates';

/**
 * The updater's states as one pure function: idle → checking → (idle: up to date | available →
 * downloading(progress) → ready) and error from any step in between; disabled while updates are
 * off. Events that do not fit the current state are ignored, so a late progress report or a
 * second check cannot move a ready update back.
 */
export interface UpdateMachine {
  state: UpdatePhase;
  lastCheck: { at: number; result: UpdateCheckResult } | null;
}

export type UpdateEvent =
  | { type: 'off'; reason: UpdatesOffReason; message: string }
  | { type: 'on' }
  | { type: 'check-started' }
  | { type: 'up-to-date'; at: number }
  | { type: 'found'; at: number; offer: UpdateOffer }
  | { type: 'download-started' }
  | { type: 'progress'; progress: UpdateProgress }
  | { type: 'downloaded' }
  | { type: 'failed'; at: number; message: string };

export const initialUpdateMachine: UpdateMachine = { state: { phase: 'idle' }, lastCheck: null };

/** A check may start from rest only: never while one runs, a download is under way or an update waits. */
export function canCheck(state: UpdatePhase): boolean {
  return state.phase === 'idle' || state.phase === 'error';
}

const offerOf = (state: UpdatePhase): UpdateOffer | null =>
  state.phase === 'available' || state.phase === 'downloading' || state.phase === 'ready' ? state.offer : null;

const clampProgress = (p: UpdateProgress): UpdateProgress => ({
  percent: Math.min(100, Math.max(0, Number.isFinite(p.percent) ? p.percent : 0)),
  transferred: Math.max(0, p.transferred),
  total: Math.max(0, p.total),
});

export function nextUpdateState(m: UpdateMachine, e: UpdateEvent): UpdateMachine {
  const { state } = m;
  if (e.type === 'off') return { ...m, state: { phase: 'disabled', reason: e.reason, message: e.message } };
  if (state.phase === 'disabled') return e.type === 'on' ? { ...m, state: { phase: 'idle' } } : m;
  switch (e.type) {
    case 'on':
      return m;
    case 'check-started':
      return canCheck(state) ? { ...m, state: { phase: 'checking' } } : m;
    case 'up-to-date':
      return state.phase === 'checking' ? { state: { phase: 'idle' }, lastCheck: { at: e.at, result: 'up-to-date' } } : m;
    case 'found':
      return state.phase === 'checking'
        ? { state: { phase: 'available', offer: e.offer }, lastCheck: { at: e.at, result: 'update-found' } }
        : m;
    case 'download-started':
      return state.phase === 'available' ? { ...m, state: { phase: 'downloading', offer: state.offer, progress: null } } : m;
    case 'progress':
      return state.phase === 'available' || state.phase === 'downloading'
        ? { ...m, state: { phase: 'downloading', offer: state.offer, progress: clampProgress(e.progress) } }
        : m;
    case 'downloaded':
      return state.phase === 'available' || state.phase === 'downloading' ? { ...m, state: { phase: 'ready', offer: state.offer } } : m;
    case 'failed': {
      if (state.phase !== 'checking' && state.phase !== 'available' && state.phase !== 'downloading') return m;
      const lastCheck = state.phase === 'checking' ? { at: e.at, result: 'failed' as const } : m.lastCheck;
      return { state: { phase: 'error', message: e.message, offer: offerOf(state) }, lastCheck };
    }
  }
}
