import type { PageAlert } from '../../shared/ipc/pageFrames';
import { createTitleFlasher } from '../platform/titleFlash';
import { focusMeeting } from './coreSync';

/**
 * The lobby alert of the app opened in a browser, where the desktop app uses the OS: a browser
 * notification (permission asked when the person first sends a bot, never on load), the tab's
 * title flashing until the tab is seen, and a short sound made with WebAudio. The core sends none
 * of these under Do Not Disturb (electron/core/meetings/botService.ts, desktop/attention.ts).
 */

let audio: AudioContext | null = null;

const flasher = createTitleFlasher({
  get title() {
    return document.title;
  },
  set title(value: string) {
    document.title = value;
  },
  seen: () => document.visibilityState === 'visible' && document.hasFocus(),
  onMaybeSeen(listener) {
    window.addEventListener('focus', listener);
    document.addEventListener('visibilitychange', listener);
    return () => {
      window.removeEventListener('focus', listener);
      document.removeEventListener('visibilitychange', listener);
    };
  },
  every(ms, fn) {
    const timer = window.setInterval(fn, ms);
    return () => window.clearInterval(timer);
  },
});

/**
 * Called in the click or key press that sends a bot: the browser asks about notifications only
 * in answer to something the person did, and lets sound play once they have used the page.
 */
export function primeBrowserAlerts(): void {
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
  if (!audio && 'AudioContext' in window) audio = new AudioContext();
  if (audio?.state === 'suspended') void audio.resume().catch(() => undefined);
}

/** Two soft rising tones, about half a second. */
function chime(): void {
  if (!audio && 'AudioContext' in window) audio = new AudioContext();
  if (!audio) return;
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  const start = audio.currentTime;
  for (const [i, frequency] of [660, 880].entries()) {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    const at = start + i * 0.16;
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    tone.connect(volume).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.32);
  }
}

function notification(alert: Extract<PageAlert, { kind: 'notification' }>): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const shown = new Notification(alert.title, { body: alert.body, tag: alert.tag });
  shown.onclick = () => {
    window.focus();
    if (alert.serverId && alert.meetingId !== undefined)
      focusMeeting({ serverId: alert.serverId, meetingId: alert.meetingId, ...(alert.lineKey ? { lineKey: alert.lineKey } : {}) });
    shown.close();
  };
}

export function showBrowserAlert(alert: PageAlert): void {
  if (alert.kind === 'notification') return notification(alert);
  flasher.start();
  chime();
}
