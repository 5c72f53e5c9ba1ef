import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { RestartOutcome, UpdateSettings, UpdatesView } from '../../../shared/ipc/updates';
import type { Clock, Logger } from '../ports';
import { describeUpdateFailure } from './describeFailure';
import { checkFeedUrl } from './feedUrl';
import { releaseNotesText } from './releaseNotes';
import type { Updater } from './updaterPort';
import { canCheck, initialUpdateMachine, nextUpdateState, type UpdateEvent, type UpdateMachine } from './updateState';

/** The first check waits until the app has opened; later ones come every few hours. */
export const FIRST_CHECK_MS = 10_000;
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export interface UpdateServiceDeps {
  updater: Updater;
  settings: { get(): UpdateSettings; save(next: UpdateSettings): void };
  /** Names of the meetings whose bot is live right now. */
  liveMeetings(): string[];
  clock: Clock;
  logger: Logger;
  emit(view: UpdatesView): void;
  firstCheckMs?: number;
  everyMs?: number;
}

const OFF_MESSAGES = {
  development: 'This is a development build: it never updates itself.',
  'turned-off': 'Updates are off. The app neither looks for nor installs new versions.',
  unsupported: 'This copy of the app cannot update itself. Install new versions the way you installed this one.',
} as const;

/**
 * Keeps the installed app current: checks at start and every few hours, downloads a newer version
 * in the background (electron-updater verifies its sha512, and on Windows its signature, before
 * it counts as downloaded), and installs it when the app quits or when the person presses
 * "Restart now" (asking first while a bot is live). A failure leaves the running version as it is
 * and says why; the next check tries again.
 */
export class UpdateService {
  private machine: UpdateMachine = initialUpdateMachine;
  private timer: { cancel(): void } | null = null;
  private closed = false;

  constructor(private readonly d: UpdateServiceDeps) {}

  /** Applies the saved settings and plans the first check. */
  start(): void {
    const { updater } = this.d;
    if (updater.off) {
      this.dispatch({ type: 'off', reason: updater.off, message: OFF_MESSAGES[updater.off] });
      return;
    }
    const settings = this.d.settings.get();
    const feed = checkFeedUrl(settings.feedUrl);
    // A feed that no longer passes the rules (edited by hand in settings.json) is not used.
    updater.setFeed(feed.ok ? feed.url : null);
    if (!feed.ok) this.d.logger.warn('Ignoring the saved update feed', { feedUrl: settings.feedUrl, reason: feed.message });
    this.applyEnabled(settings.enabled);
  }

  view(): UpdatesView {
    const settings = this.d.settings.get();
    const custom = checkFeedUrl(settings.feedUrl);
    return {
      currentVersion: this.d.updater.currentVersion,
      settings,
      feed: custom.ok && custom.url ? custom.url : this.d.updater.builtInFeed(),
      state: this.machine.state,
      installsAtQuit: this.d.updater.installsAtQuit && settings.enabled,
      lastCheck: this.machine.lastCheck,
    };
  }

  /** "Check now": looks at once unless a check, a download or a waiting update makes it pointless. */
  async checkNow(): Promise<UpdatesView> {
    const { state } = this.machine;
    if (state.phase === 'disabled') throw new UserFacingError('updates_off', state.message);
    await this.check('asked');
    return this.view();
  }

  configure(patch: { enabled?: boolean; feedUrl?: string | null }): UpdatesView {
    if (this.d.updater.off) throw new UserFacingError('updates_off', OFF_MESSAGES[this.d.updater.off]);
    const current = this.d.settings.get();
    let feedUrl = current.feedUrl;
    if (patch.feedUrl !== undefined) {
      const feed = checkFeedUrl(patch.feedUrl);
      if (!feed.ok) throw new UserFacingError('invalid_feed', feed.message);
      feedUrl = feed.url;
    }
    const next: UpdateSettings = { enabled: patch.enabled ?? current.enabled, feedUrl };
    this.d.settings.save(next);
    if (feedUrl !== current.feedUrl) {
      this.d.updater.setFeed(feedUrl);
      this.d.logger.info('Update feed changed', { feed: feedUrl ?? 'built in' });
    }
    if (next.enabled !== current.enabled) this.applyEnabled(next.enabled);
    else if (feedUrl !== current.feedUrl && next.enabled && canCheck(this.machine.state)) this.schedule(0);
    this.emit();
    return this.view();
  }

  /** "Restart now": quits and installs the downloaded update, asking first while a bot is live. */
  restart(confirmLive: boolean): RestartOutcome {
    if (this.machine.state.phase !== 'ready')
      throw new UserFacingError('update_not_ready', 'No update is ready to install yet. It installs once it has been downloaded.');
    const live = this.d.liveMeetings();
    if (live.length > 0 && !confirmLive) return { outcome: 'confirm', liveMeetings: live };
    this.d.logger.info('Restarting to install an update', { version: this.machine.state.offer.version, liveMeetings: live.length });
    this.d.updater.quitAndInstall();
    return { outcome: 'restarting' };
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private applyEnabled(enabled: boolean): void {
    // Turned off, a download already made stays on disk but is not installed at quit.
    this.d.updater.setInstallOnQuit(enabled);
    if (enabled) {
      this.dispatch({ type: 'on' });
      this.schedule(this.d.firstCheckMs ?? FIRST_CHECK_MS);
    } else {
      this.timer?.cancel();
      this.timer = null;
      this.dispatch({ type: 'off', reason: 'turned-off', message: OFF_MESSAGES['turned-off'] });
    }
  }

  private schedule(ms: number): void {
    this.timer?.cancel();
    if (this.closed) return;
    this.timer = this.d.clock.setTimeout(() => {
      this.timer = null;
      void this.check('scheduled');
    }, ms);
  }

  private async check(trigger: 'asked' | 'scheduled'): Promise<void> {
    if (!canCheck(this.machine.state)) return;
    this.timer?.cancel();
    this.timer = null;
    const feed = this.view().feed;
    this.dispatch({ type: 'check-started' });
    let version: string | undefined;
    try {
      const outcome = await this.d.updater.check();
      if (this.closed) return;
      if (outcome.kind === 'inactive') {
        this.dispatch({ type: 'off', reason: 'unsupported', message: OFF_MESSAGES.unsupported });
        return;
      }
      if (outcome.kind === 'up-to-date') {
        this.d.logger.info('The app is up to date', { trigger, version: this.d.updater.currentVersion, latest: outcome.latest });
        this.dispatch({ type: 'up-to-date', at: this.d.clock.now() });
      } else {
        version = outcome.version;
        this.d.logger.info('Downloading an update', { trigger, version, feed });
        this.dispatch({ type: 'found', at: this.d.clock.now(), offer: { version, notes: releaseNotesText(outcome.notes) } });
        this.dispatch({ type: 'download-started' });
        await this.d.updater.download((progress) => this.dispatch({ type: 'progress', progress }));
        if (this.closed) return;
        this.d.logger.info('Update downloaded and verified', { version });
        this.dispatch({ type: 'downloaded' });
      }
    } catch (e) {
      if (this.closed) return;
      const during = version ? 'download' : 'check';
      const code = (e as { code?: unknown } | null)?.code;
      this.d.logger.warn(during === 'check' ? 'Could not check for updates' : 'Could not download an update', {
        version,
        code: typeof code === 'string' ? code : undefined,
        error: e instanceof Error ? e.message : String(e),
      });
      this.dispatch({ type: 'failed', at: this.d.clock.now(), message: describeUpdateFailure(e, { during, feed, version }) });
    }
    // A verified update waits to be installed; nothing more to look for until then.
    if (this.machine.state.phase !== 'ready' && this.machine.state.phase !== 'disabled') this.schedule(this.d.everyMs ?? CHECK_EVERY_MS);
  }

  private dispatch(event: UpdateEvent): void {
    const next = nextUpdateState(this.machine, event);
    if (next === this.machine) return;
    this.machine = next;
    this.emit();
  }

  private emit(): void {
    if (!this.closed) this.d.emit(this.view());
  }
}
