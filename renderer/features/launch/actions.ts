import type { LaunchDefaults } from '../../../shared/ipc/models';
import { api, inBrowser } from '../../platform/api';
import { announce } from '../announcer/store';
import { findMeeting } from '../bots/actions';
import { useBotsStore } from '../bots/store';
import { launchTarget } from '../servers/actions';
import { serverNameFor } from '../servers/describe';
import { useServersStore } from '../servers/store';
import { saveLaunchDefaults } from '../settings/actions';
import { primeBrowserAlerts } from '../../app/browserAlerts';
import { browserClipboardLink } from './browserPaste';
import { detectLink, launchErrorPlace, resolveOptions } from './describe';
import { useLaunchStore } from './store';

function sameDefaults(a: LaunchDefaults, b: LaunchDefaults): boolean {
  return a.botName === b.botName && a.language === b.language && a.task === b.task;
}

/**
 * Sends the bot from `picked`, the server the person chose, else from the server the core offers
 * for this link (asked now if the form has not heard yet: Enter right after a paste must not go
 * to the server offered for the previous link). Problems the link parser sees stop here: nothing
 * reaches a server.
 */
export async function sendBot(defaults: LaunchDefaults, picked: string | null): Promise<boolean> {
  const form = useLaunchStore.getState();
  if (form.busy) return false;
  const text = form.link.trim();
  const detection = detectLink(text);
  if (detection.state === 'empty') {
    form.failed({ code: 'empty', message: 'Paste a meeting link first.', place: 'link' });
    return false;
  }
  if (detection.state === 'invalid') {
    form.failed({ code: detection.code, message: detection.message, place: 'link' });
    return false;
  }
  // Still inside the person's click or Enter: the browser asks about notifications only then.
  if (inBrowser) primeBrowserAlerts();
  const options = resolveOptions(form, defaults, detection.link);
  const botName = options.botName.trim();
  const passcode = options.passcode.trim();
  form.started();
  if (!picked) await loadLaunchTarget(text);
  const target = useLaunchStore.getState().target;
  const serverId = picked ?? (target?.link === text ? target.view.serverId : null);
  const result = await api.invoke('bots:launch', {
    ...(serverId ? { serverId } : {}),
    link: text,
    ...(botName ? { botName } : {}),
    language: options.language,
    task: options.task,
    ...(passcode ? { passcode } : {}),
  });
  if (!result.ok) {
    useLaunchStore.getState().failed({
      code: result.code,
      message: result.message,
      place: launchErrorPlace(result.code),
      ...(serverId ? { serverId } : {}),
    });
    return false;
  }
  useBotsStore.getState().upsert(result.value);
  useLaunchStore.getState().succeeded();
  const where = serverNameFor(useServersStore.getState().servers, result.value.serverId);
  announce(`Bot sent to ${result.value.name}${where ? ` from ${where}` : ''}. You are told when it waits in the lobby.`);
  const remembered = { botName: botName || defaults.botName, language: options.language, task: options.task };
  if (!sameDefaults(remembered, defaults)) void saveLaunchDefaults(remembered);
  return true;
}

/**
 * Offers a meeting link on the clipboard once, unless the field already holds it: the core's
 * clipboard in the desktop app, the browser's in a browser (read only once the browser allows it).
 * A clipboard that now holds something else withdraws the offer of the link it held before; one
 * that could not be read changes nothing.
 */
export async function checkClipboard(): Promise<void> {
  const found = inBrowser ? await browserClipboardLink() : await coreClipboardLink();
  if (found === undefined) return;
  const text = found?.trim() ?? '';
  const form = useLaunchStore.getState();
  if (!text) {
    if (form.offer) form.setOffer(null);
    return;
  }
  if (text === form.link.trim() || text === form.lastOffered) return;
  form.setOffer(text);
}

/** The meeting link on the core's clipboard; null when it holds none, undefined when it could not be asked. */
async function coreClipboardLink(): Promise<string | null | undefined> {
  const result = await api.invoke('clipboard:meetingLink');
  return result.ok ? result.value.text : undefined;
}

export function acceptOffer(): void {
  const { offer, setLink, setOffer } = useLaunchStore.getState();
  if (!offer) return;
  setLink(offer);
  setOffer(null);
}

/** "Show it" after a duplicate launch: the meeting the bot is already in, brought into view. */
export async function showExistingMeeting(): Promise<void> {
  const detection = detectLink(useLaunchStore.getState().link);
  if (detection.state !== 'ok') return;
  const { error } = useLaunchStore.getState();
  const meeting = await findMeeting(detection.link.platform, detection.link.nativeMeetingId, error?.serverId);
  if (meeting) {
    useBotsStore.getState().requestFocus({ serverId: meeting.serverId, meetingId: meeting.id });
    return;
  }
  useLaunchStore.getState().setRunningOpen(true);
}

/**
 * Asks the core which server it offers for the link in the field (the last used for its domain
 * or platform), unless it already answered for this text. Only while there is a choice to make.
 */
export async function loadLaunchTarget(link: string): Promise<void> {
  const text = link.trim();
  if (!text || useLaunchStore.getState().target?.link === text) return;
  const result = await launchTarget(text);
  // The field moved on meanwhile: this answer is for a link no longer there.
  if (!result.ok || useLaunchStore.getState().link.trim() !== text) return;
  useLaunchStore.getState().setTarget({ link: text, view: result.value });
}
