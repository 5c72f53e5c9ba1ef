import type { UpdatesView } from '../../../shared/ipc/updates';

/** The Updates card's words for each state, kept pure so they are tested without a window. */

export function statusText(view: UpdatesView): string {
  const { state } = view;
  switch (state.phase) {
    case 'disabled':
      return state.message;
    case 'idle':
      return view.lastCheck?.result === 'up-to-date'
        ? 'Vexa Companion is up to date.'
        : 'Looks for a new version shortly after the app starts.';
    case 'checking':
      return 'Checking for a new version…';
    case 'available':
      return `Version ${state.offer.version} is available. Downloading it in the background…`;
    case 'downloading':
      return state.progress
        ? `Downloading version ${state.offer.version}: ${Math.floor(state.progress.percent)}%${sizeText(state.progress.transferred, state.progress.total)}.`
        : `Downloading version ${state.offer.version}…`;
    case 'ready':
      return view.installsAtQuit
        ? `Version ${state.offer.version} is downloaded and checked. It installs when you quit the app, or now with Restart now.`
        : `Version ${state.offer.version} is downloaded and checked. Press Restart now to install it.`;
    case 'error':
      return state.message;
  }
}

function sizeText(transferred: number, total: number): string {
  if (total <= 0) return '';
  const mb = (n: number) => (n / 1_000_000).toFixed(1);
  return ` (${mb(transferred)} of ${mb(total)} MB)`;
}

export function lastCheckText(view: UpdatesView, formatTime: (ms: number) => string): string | null {
  const last = view.lastCheck;
  if (!last) return view.state.phase === 'disabled' ? null : 'Not checked yet.';
  const result = { 'up-to-date': 'up to date', 'update-found': 'a new version was found', failed: 'the check failed' }[last.result];
  return `Last checked ${formatTime(last.at)}: ${result}.`;
}

/** The person can act on updates only where the app updates itself (not in a development build or an unsupported install). */
export function canConfigure(view: UpdatesView): boolean {
  return !(view.state.phase === 'disabled' && view.state.reason !== 'turned-off');
}

export function canCheckNow(view: UpdatesView): boolean {
  return view.state.phase === 'idle' || view.state.phase === 'error';
}

export function restartQuestion(liveMeetings: readonly string[]): string {
  const names = liveMeetings.map((n) => `“${n}”`).join(', ');
  const bots = liveMeetings.length === 1 ? 'Its bot stays in the meeting' : 'The bots stay in their meetings';
  return `Restarting now stops live captions and lobby alerts for ${names} until the app is back. ${bots} and keeps transcribing.`;
}
