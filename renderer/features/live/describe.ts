import type { LiveStateView } from '../../../shared/ipc/models';
import type { BadgeTone } from '../../app/theme/Badge';

export interface LiveIndicatorView {
  label: string;
  tone: BadgeTone;
  /** The longer explanation shown on hover and focus. */
  detail: string;
  /** True while a countdown is shown, so the caller ticks once a second. */
  ticking: boolean;
}

const POLLING_NOTE = 'Until then the app checks the bots every few seconds, so lobby alerts still arrive.';

function secondsUntil(at: number | null, now: number): number | null {
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** What the top bar says about the live connection; null when there is none to speak of. */
export function liveIndicator(state: LiveStateView | null, now: number): LiveIndicatorView | null {
  if (!state) return null;
  const wait = secondsUntil(state.retryAt, now);
  switch (state.status) {
    case 'idle':
      return null;
    case 'connecting':
      return { label: 'Connecting…', tone: 'info', detail: 'Opening the live connection to the server.', ticking: false };
    case 'connected':
      return {
        label: 'Connected',
        tone: 'success',
        detail: 'Live updates on: bot statuses arrive the moment they change.',
        ticking: false,
      };
    case 'reconnecting':
      return {
        label: wait ? `Reconnecting in ${wait} s` : 'Reconnecting…',
        tone: 'warn',
        detail: `The live connection dropped and is being restored. ${POLLING_NOTE}`,
        ticking: true,
      };
    case 'offline':
      return {
        label: 'Offline',
        tone: 'danger',
        detail: `${state.message ?? 'The server cannot be reached for live updates.'} ${wait ? `Next attempt in ${wait} s. ` : ''}${POLLING_NOTE}`,
        ticking: wait !== null,
      };
    case 'unauthorized':
      return {
        label: 'Key refused',
        tone: 'danger',
        detail: state.message ?? 'The server refused this API key for live updates. Check the key in Settings.',
        ticking: false,
      };
  }
}
