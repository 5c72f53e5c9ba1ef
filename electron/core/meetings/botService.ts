import { UserFacingError } from '../../../shared/ipc/dispatch';
import { linkOnServer, parseMeetingLink, platformLabel, platformRefusal } from '../../../shared/meeting-link';
import { AlertPolicy, type Alert } from '../../../shared/meetings/alertPolicy';
import { TERMINAL_STATUSES } from '../../../shared/meetings/outcome';
import type { StatusUpdate } from '../../../shared/meetings/statusFrame';
import { isVexaError } from '../../../shared/vexa/errors';
import type { ServerCapabilities, ServerGeneration } from '../../../shared/vexa/capabilities';
import type { BotStatusEntry, LaunchBotRequest, Meeting } from '../../../shared/vexa/types';
import type { LiveHub } from '../live/liveHub';
import type { LiveState } from '../live/liveSocket';
import { limitFromRefusal } from '../connections/botSlots';
import type { Clock, Logger, Notifier } from '../ports';
import type { VexaClient } from '../vexa';
import { joinUrlFor } from './joinUrl';
import type { HealthMemory } from './healthMemory';
import { MeetingTracker, type TrackedMeeting } from './tracker';
import { titled } from './serverNaming';

export const MAX_BOT_NAME = 100;
const POLL_MS = 5_000;

export interface LaunchInput {
  link: string;
  botName?: string;
  language?: string;
  task?: 'transcribe' | 'translate';
  passcode?: string;
}

export interface BotServiceDeps {
  /** The server these bots run on; every alert names it. */
  serverId: string;
  client: VexaClient;
  generation: ServerGeneration;
  capabilities: ServerCapabilities;
  hub: LiveHub;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  /** The server's label while the app knows more than one server (alerts then name it), else null. */
  serverName(): string | null;
  doNotDisturb(): boolean;
  launchDefaults(): { botName: string; language: string; task: 'transcribe' | 'translate' };
  onChange(meetings: TrackedMeeting[]): void;
  onFocusMeeting(meetingId: number): void;
  /** The server refused a launch for its concurrent bot limit and said what the limit is. */
  onLimit?(limit: number): void;
  pollMs?: number;
  /** Health problems kept across a restart (healthMemory.ts). */
  healthMemory?: HealthMemory;
}

/**
 * Sending bots from one server and following them: launch, stop, the running list, status from
 * the live socket with REST polling while the socket is down, and one alert per lobby entry and
 * per outcome. The tray across every server is drawn by the sessions (connections/sessions.ts).
 */
export class BotService {
  readonly tracker: MeetingTracker;
  private readonly policy = new AlertPolicy();
  private pollTimer: { cancel(): void } | null = null;
  /** Meetings the user stopped from this app: their outcome is on screen already, no OS alert. */
  private readonly stoppedHere = new Set<number>();
  private refreshing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly d: BotServiceDeps) {
    const memory = d.healthMemory;
    this.tracker = new MeetingTracker(
      d.clock,
      {
        onStatus: (m) => this.alert(m),
        onChange: () => d.onChange(this.tracker.list()),
      },
      memory && {
        recall: (id) => memory.recall(d.serverId, id),
        remember: (id, h) => memory.remember(d.serverId, id, h),
      },
    );
  }

  async launch(input: LaunchInput): Promise<TrackedMeeting> {
    const parsed = parseMeetingLink(input.link);
    if (!parsed.ok) throw new UserFacingError(parsed.code, parsed.message);
    const link = parsed.value;
    const refusal = platformRefusal(link.platform, this.d.generation);
    if (refusal) throw new UserFacingError('unsupported_platform', refusal);
    const defaults = this.d.launchDefaults();
    const botName = (input.botName ?? defaults.botName).trim() || defaults.botName;
    if (botName.length > MAX_BOT_NAME) {
      throw new UserFacingError(
        'invalid_bot_name',
        `The bot name is ${botName.length} characters long; keep it to ${MAX_BOT_NAME} or fewer so people in the meeting can read it.`,
      );
    }
    const passcode = input.passcode?.trim() || link.passcode;
    // G2 refuses a Teams bot without its passcode unless it gets the full link.
    if (link.platform === 'teams' && this.d.generation === 'g2' && !passcode && !link.meetingUrl) {
      throw new UserFacingError(
        'passcode_required',
        'This server needs the Teams meeting passcode. Paste the full invite link, or type the passcode from the invitation.',
      );
    }
    const language = input.language ?? defaults.language;
    // G1/G2 validate native ids with their own patterns; the id shown in the preview is the one sent.
    const onServer = linkOnServer(link, this.d.generation);
    const req: LaunchBotRequest = {
      platform: link.platform,
      ...(onServer.sendId ? { nativeMeetingId: onServer.nativeMeetingId } : {}),
      ...(link.meetingUrl ? { meetingUrl: link.meetingUrl } : {}),
      ...(passcode ? { passcode } : {}),
      botName,
      ...(language && language !== 'auto' ? { language } : {}),
      task: input.task ?? defaults.task,
    };
    let meeting: Meeting;
    try {
      meeting = await this.d.client.launchBot(req);
    } catch (e) {
      const limit = isVexaError(e) ? limitFromRefusal(`${e.userMessage} ${typeof e.detail === 'string' ? e.detail : ''}`) : null;
      if (limit !== null) this.d.onLimit?.(limit);
      if (isVexaError(e) && e.code === 'conflict') {
        await this.refresh().catch(() => undefined);
        throw new UserFacingError(
          'already_active',
          `A bot is already in this meeting (${platformLabel(link.platform)} ${onServer.nativeMeetingId}). It is in the list of meetings in flight.`,
        );
      }
      throw e;
    }
    const tracked = this.tracker.track(
      {
        ...meeting,
        nativeMeetingId: meeting.nativeMeetingId ?? onServer.nativeMeetingId,
        status: meeting.status === 'unknown' ? 'requested' : meeting.status,
        meetingUrl: meeting.meetingUrl ?? joinUrlFor(link.platform, link.nativeMeetingId, passcode, link.meetingUrl),
      },
      `${platformLabel(link.platform)} · ${meeting.nativeMeetingId ?? onServer.nativeMeetingId}`,
    );
    // A link already subscribed (an earlier meeting in the same room) was authorized for that
    // meeting's row: G1/G2 gateways fan frames out by row id, so the new meeting's statuses and
    // lines would never arrive. Subscribing again binds the link to its newest row, the new one.
    const ref = { platform: tracked.platform, nativeId: tracked.nativeId };
    this.d.hub.unsubscribe([ref]);
    this.d.hub.subscribe([ref]);
    this.d.logger.info('Bot sent', { meetingId: tracked.id, platform: tracked.platform });
    return tracked;
  }

  async stop(meetingId: number): Promise<TrackedMeeting> {
    const m = this.tracker.get(meetingId);
    if (!m) throw new UserFacingError('not_found', 'This meeting is no longer in the list. Refresh the running bots.');
    if (TERMINAL_STATUSES.has(m.status)) return m;
    this.stoppedHere.add(meetingId);
    const result = await this.d.client.stopBot(m.platform, m.nativeId);
    // G3 publishes no `stopping` frame, so the app records the state it asked for.
    if (result.accepted)
      this.tracker.apply({
        meetingId,
        platform: null,
        nativeId: null,
        status: 'stopping',
        at: null,
        completionReason: null,
        failureStage: null,
      });
    if (result.alreadyFinished || !result.accepted) await this.refresh();
    return m;
  }

  async configure(m: TrackedMeeting, config: { language?: string; task?: 'transcribe' | 'translate' }): Promise<void> {
    if (m.status !== 'active')
      throw new UserFacingError('not_active', 'The bot can change its language or task only while it is transcribing.');
    await this.d.client.updateBotConfig(m.platform, m.nativeId, config);
    this.d.logger.info('Bot reconfigured', { meetingId: m.id, ...config });
  }

  async running(): Promise<BotStatusEntry[]> {
    return this.d.client.botStatus();
  }

  dismiss(meetingId: number): void {
    this.tracker.dismiss(meetingId);
    this.policy.forget(meetingId);
  }

  /** A status frame from the live socket. A frame about a meeting we do not follow yet is a bot sent from elsewhere. */
  onStatus(update: StatusUpdate): void {
    const known = update.meetingId !== null ? this.tracker.get(update.meetingId) : undefined;
    if (!known) {
      if (update.meetingId !== null && !TERMINAL_STATUSES.has(update.status)) void this.refresh().catch(() => undefined);
      return;
    }
    // Status frames carry no completion_reason: read it before announcing how the meeting ended.
    if (TERMINAL_STATUSES.has(update.status) && !update.completionReason && !TERMINAL_STATUSES.has(known.status)) {
      void this.currentStates([known.id])
        .then(([m]) =>
          this.tracker.apply(
            m && TERMINAL_STATUSES.has(m.status)
              ? { ...update, completionReason: m.completionReason, failureStage: m.failureStage }
              : update,
          ),
        )
        .catch(() => this.tracker.apply(update));
      return;
    }
    const previous = known.status;
    if (this.tracker.apply(update) && MeetingTracker.skipsSteps(previous, update.status)) void this.fillHistory([known.id]);
  }

  /** Steps the app missed (it subscribed after the bot had moved on) come from the server's trail. */
  private async fillHistory(ids: number[]): Promise<void> {
    if (!this.d.capabilities.meetingById) return;
    try {
      for (const m of await this.currentStates(ids)) this.tracker.fillFromTrail(m.id, m.statusTransitions);
    } catch {
      // The history stays as the app saw it.
    }
  }

  onLiveState(state: LiveState): void {
    if (state.status === 'connected') this.stopPolling();
    else this.startPolling();
  }

  /** Reads statuses from REST: at connect, after every reconnect, and while the socket is down. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const running = await this.d.client.botStatus();
    // G1's running list describes containers ("Up 3 minutes"), not meeting statuses.
    const trustStatus = this.d.generation !== 'g1';
    for (const entry of running) {
      if (entry.meetingId === null || !entry.nativeMeetingId || this.tracker.get(entry.meetingId)) continue;
      if (entry.status === 'unknown' || TERMINAL_STATUSES.has(entry.status)) continue;
      const t = this.tracker.track(this.entryToMeeting({ ...entry, status: trustStatus ? entry.status : 'requested' }));
      this.d.hub.subscribe([{ platform: t.platform, nativeId: t.nativeId }]);
    }
    const active = this.tracker.active().map((m) => m.id);
    if (active.length === 0) return;
    for (const meeting of await this.currentStates(active)) {
      this.tracker.apply({
        meetingId: meeting.id,
        platform: null,
        nativeId: null,
        status: meeting.status,
        at: null,
        completionReason: meeting.completionReason,
        failureStage: meeting.failureStage,
      });
      this.tracker.fillFromTrail(meeting.id, meeting.statusTransitions);
    }
  }

  /** Each meeting's row as the server has it now. */
  private async currentStates(ids: number[]): Promise<Meeting[]> {
    if (this.d.capabilities.meetingById) {
      const results = await Promise.allSettled(ids.map((id) => this.d.client.getMeeting(id)));
      return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    }
    // G1 has no GET /meetings/{id}: one list read answers for every meeting.
    const page = await this.d.client.listMeetings();
    return page.meetings.filter((m) => ids.includes(m.id));
  }

  private entryToMeeting(e: BotStatusEntry): Meeting {
    return {
      id: e.meetingId ?? 0,
      platform: e.platform,
      nativeMeetingId: e.nativeMeetingId,
      status: e.status,
      startTime: e.startTime,
      endTime: null,
      createdAt: e.createdAt,
      updatedAt: null,
      name: null,
      notes: null,
      participants: [],
      languages: [],
      completionReason: null,
      failureStage: null,
      statusTransitions: [],
      meetingUrl: e.meetingUrl,
      botContainerId: e.containerId,
      shared: false,
      transcriptDeleted: false,
      data: {},
    };
  }

  private startPolling(): void {
    if (this.pollTimer || this.closed) return;
    const tick = (): void => {
      this.pollTimer = null;
      if (this.closed || this.d.hub.state.status === 'connected') return;
      if (this.tracker.active().length > 0)
        void this.refresh().catch((e: unknown) => this.d.logger.debug('Status poll failed', { error: String(e) }));
      this.pollTimer = this.d.clock.setTimeout(tick, this.d.pollMs ?? POLL_MS);
    };
    this.pollTimer = this.d.clock.setTimeout(tick, this.d.pollMs ?? POLL_MS);
  }

  private stopPolling(): void {
    this.pollTimer?.cancel();
    this.pollTimer = null;
  }

  private alert(m: TrackedMeeting): void {
    const a: Alert | null = this.policy.onStatus({
      meetingId: m.id,
      name: m.name,
      status: m.status,
      completionReason: m.completionReason,
      failureStage: m.failureStage,
    });
    if (!a) return;
    const quiet = this.d.doNotDisturb() || this.stoppedHere.has(m.id);
    this.d.logger.info('Alert', { kind: a.kind, meetingId: a.meetingId, quiet });
    if (quiet) return;
    this.d.notifier.notify({
      // Unique per server: two servers may both have meeting 7, and the OS replaces a notification by its id.
      id: `${a.meetingId}:${a.kind}@${this.d.serverId}`,
      serverId: this.d.serverId,
      meetingId: a.meetingId,
      title: titled(a.title, this.d.serverName()),
      body: a.body,
      onClick: () => this.d.onFocusMeeting(a.meetingId),
    });
  }

  close(): void {
    this.closed = true;
    this.stopPolling();
  }
}
