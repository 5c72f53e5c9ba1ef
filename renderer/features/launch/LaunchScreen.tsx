import { useEffect, useRef, type FormEvent } from 'react';
import { Button, Card } from '../../app/theme';
import { SendIcon } from '../../app/theme/icons';
import { MeetingsInFlight } from '../bots/MeetingsInFlight';
import { RunningBotsPanel } from '../bots/RunningBots';
import { anyServerUp, launchServer, sendingServers } from '../servers/describe';
import { NeedsServer } from '../servers/OfflineNotice';
import { useServersStore } from '../servers/store';
import { useSettingsStore } from '../settings/store';
import { checkClipboard, loadLaunchTarget, sendBot } from './actions';
import { BotOptions } from './BotOptions';
import { detectLink, mayNeedPasscode, resolveOptions } from './describe';
import { LaunchErrorBanner } from './LaunchErrors';
import { LinkField } from './LinkField';
import { ServerPicker } from './ServerPicker';
import { useLaunchStore } from './store';
import { ComingUp } from '../planning/ComingUp';
import { scheduleLater } from '../planning/launchLater';
import { usePlanningStore } from '../planning/store';
import { WhenFields } from '../planning/WhenFields';
import './launch.css';

/** A meeting link copied elsewhere is offered when the person comes back to the window. */
function useClipboardOffer() {
  useEffect(() => {
    const onFocus = () => void checkClipboard();
    if (document.hasFocus()) onFocus();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
}

function SendForm() {
  const defaults = useSettingsStore((s) => s.launch);
  const link = useLaunchStore((s) => s.link);
  const botName = useLaunchStore((s) => s.botName);
  const language = useLaunchStore((s) => s.language);
  const task = useLaunchStore((s) => s.task);
  const passcode = useLaunchStore((s) => s.passcode);
  const busy = useLaunchStore((s) => s.busy);
  const error = useLaunchStore((s) => s.error);
  const submitted = useLaunchStore((s) => s.submitted);
  const picked = useLaunchStore((s) => s.serverId);
  const target = useLaunchStore((s) => (s.target && s.target.link === s.link.trim() ? s.target.view : null));
  const servers = useServersStore((s) => s.servers);
  const currentServerId = useServersStore((s) => s.currentServerId);
  const sending = sendingServers(servers);
  const several = sending.length > 1;
  // A server picked that can no longer send is a pick no more.
  const explicit = picked && sending.some((s) => s.id === picked) ? picked : null;
  const serverId = launchServer(servers, explicit, target, currentServerId);
  const linkRef = useRef<HTMLInputElement>(null);
  const botNameRef = useRef<HTMLInputElement>(null);
  const passcodeRef = useRef<HTMLInputElement>(null);

  const generation = servers.find((s) => s.id === serverId)?.generation ?? null;
  const detection = detectLink(link, generation);
  const parsed = detection.state === 'ok' ? detection.link : null;
  const options = resolveOptions({ botName, language, task, passcode }, defaults, parsed);
  const showPasscode = mayNeedPasscode(parsed?.platform ?? null) || Boolean(parsed?.passcode) || error?.place === 'passcode';

  const linkError = error?.place === 'link' ? error.message : submitted && detection.state === 'invalid' ? detection.message : null;

  // The server offered for the link follows the link, once the field holds one (and there is a choice).
  const offerFor = several && detection.state === 'ok' ? link : null;
  useEffect(() => {
    if (offerFor === null) return;
    const timer = window.setTimeout(() => void loadLaunchTarget(offerFor), 150);
    return () => window.clearTimeout(timer);
  }, [offerFor]);

  // A `vexa://join` link filled the field in: Enter sends from here, and nothing is sent before.
  const linkFocusRequested = useLaunchStore((s) => s.linkFocusRequested);
  useEffect(() => {
    if (!linkFocusRequested) return;
    useLaunchStore.getState().requestLinkFocus(false);
    linkRef.current?.focus();
  }, [linkFocusRequested]);

  useEffect(() => {
    if (error?.place === 'link') linkRef.current?.focus();
    else if (error?.place === 'passcode') passcodeRef.current?.focus();
    else if (error?.place === 'botName') botNameRef.current?.focus();
  }, [error]);

  const later = usePlanningStore((s) => s.when === 'later');
  const send = async () => {
    if (later) return void (await scheduleLater(generation, serverId));
    if (await sendBot(defaults, explicit)) linkRef.current?.focus();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <Card
      className="launch-card"
      title="Send a bot"
      description="A Vexa bot joins the call and transcribes it. You are told the moment it waits in the lobby."
    >
      <form className="launch-form" onSubmit={onSubmit} noValidate aria-label="Send a bot">
        <LinkField detection={detection} error={linkError} inputRef={linkRef} />
        <ServerPicker value={serverId} />
        <WhenFields generation={generation} />
        <BotOptions
          options={options}
          showPasscode={showPasscode}
          passcodeFromLink={passcode === null && Boolean(parsed?.passcode)}
          errors={{
            botName: error?.place === 'botName' ? error.message : null,
            passcode: error?.place === 'passcode' ? error.message : null,
          }}
          botNameRef={botNameRef}
          passcodeRef={passcodeRef}
        />
        {error ? <LaunchErrorBanner error={error} onRetry={() => void send()} /> : null}
        <div className="launch-actions">
          <Button type="submit" variant="primary" size="lg" icon={<SendIcon size={18} />} busy={busy}>
            {busy ? 'Sending…' : later ? 'Schedule bot' : 'Send bot'}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function LaunchScreen() {
  const runningOpen = useLaunchStore((s) => s.runningOpen);
  const setRunningOpen = useLaunchStore((s) => s.setRunningOpen);
  const offline = useServersStore((s) => !anyServerUp(s.servers));
  useClipboardOffer();
  return (
    <div className="screen-content">
      {offline ? <NeedsServer what="Sending a bot" /> : <SendForm />}
      <MeetingsInFlight />
      <ComingUp />
      <RunningBotsPanel open={runningOpen} onToggle={setRunningOpen} />
    </div>
  );
}
