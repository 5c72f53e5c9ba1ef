import { registerAdminRoutes } from './admin';
import { seedAdminUsers } from './adminSeed';
import { authenticateUser } from './auth';
import { startAutoJoin } from './autoJoin';
import { registerBotRoutes } from './botRoutes';
import { registerCalendarRoutes } from './calendars';
import { createClock } from './clock';
import type { SimContext } from './context';
import { registerControlRoutes, DEFAULT_RESTART_DOWN_MS } from './control';
import { json, Router } from './http';
import { registerMeetingRoutes } from './meetingRoutes';
import { MeetingStore, truthOf } from './meetings';
import { defaultRateLimit } from './rateLimit';
import { ScenarioRunner } from './scenarios';
import { seedLibrary } from './seed';
import { SimServer } from './server';
import { registerRecordingRoutes } from './recordings';
import { registerShareRoutes, ShareStore } from './share';
import { registerTranscriptRoutes } from './transcriptRoutes';
import { registerUserRoutes } from './userRoutes';
import { SIM_PROFILES, SIM_SCENARIOS, type SimFault, type SimProfile, type SimScenario, type SimSegment, type SimUserKey } from './types';
import { UserStore } from './users';
import { registerDeliveryRoute, WebhookDispatcher } from './webhooks';
import { WsHub } from './ws';

export type { SimFault, SimProfile, SimScenario, SimSegment, SimUserKey } from './types';
export { SIM_PROFILES, SIM_SCENARIOS } from './types';

/** The key that works when no `apiKeys` are given (demo mode). */
export const DEFAULT_SIM_API_KEY = 'demo-key';

export interface SimulatorOptions {
  profile?: SimProfile;
  host?: string;
  port?: number;
  scenario?: SimScenario;
  /** 10 = everything happens 10x faster. */
  timeScale?: number;
  /** User keys; a plain string gets scopes bot+tx. Default: [DEFAULT_SIM_API_KEY]. */
  apiKeys?: Array<string | SimUserKey>;
  /**
   * The admin API's key (`ADMIN_API_TOKEN`). Without one there is nothing to administer: G3 opens
   * no admin-api address and no users are seeded; G1/G2's gateway answers `/admin` 500, as a real
   * server without the token does.
   */
  adminKey?: string;
  /**
   * Pre-populate a few completed past meetings with transcripts for every configured user, and,
   * with an `adminKey`, a few hundred more users with tokens for the admin screens.
   */
  seed?: boolean;
  /**
   * G2 refuses webhook addresses on private and internal networks, as the real one does; tests
   * whose receiver runs on 127.0.0.1 turn that off.
   */
  allowPrivateWebhooks?: boolean;
  /** G3 with an `adminKey` only: the port of the separate admin-api address (default: any free port). */
  adminPort?: number;
  /**
   * Requests per minute per key before 429. Absent: the generation's own default (G2 limits every
   * key to 120/min; G1 and G3 are unlimited here). 0 turns the limiter off, which time-scaled tests
   * and the in-app demo want: compressed time multiplies the request rate.
   */
  rateLimitPerMinute?: number;
  /**
   * Generated lines after the planning script in the `long` scenario (default 200); the soak
   * benchmark streams 20,000.
   */
  longLines?: number;
  /**
   * Publishes every transcript change this many simulated milliseconds late (the lines' spoken
   * times stay): a known caption delay for latency tests. Changed later with `setCaptionDelay` or
   * `POST /_sim/caption-delay?ms=N`.
   */
  captionDelayMs?: number;
  /** The server's clock runs this many milliseconds ahead of this computer's (negative: behind). */
  clockSkewMs?: number;
  /** Only the first N lines of the planning script in `normal` (short meetings for timing tests). */
  scriptLines?: number;
  /** Receives one human-readable line per notable event. */
  log?: (line: string) => void;
}

export interface Simulator {
  readonly url: string;
  /**
   * Where the admin API answers: the gateway itself on G1/G2 (`/admin/...`), a separate address on
   * G3, whose gateway answers 404 for `/admin`. Null on G3 without an `adminKey`: no admin-api runs.
   */
  readonly adminUrl: string | null;
  readonly profile: SimProfile;
  close(): Promise<void>;
  admit(meetingId: number): void;
  dropSockets(): void;
  restart(downMs?: number): Promise<void>;
  /** Ends a restart's downtime now (a test holds the server down until it has seen what it checks). */
  comeBack(): void;
  /** Sends bytes to every socket subscribed to the meeting; returns how many got them. */
  injectRaw(meetingId: number, raw: string | Buffer): number;
  truth(meetingId: number): SimSegment[];
  /**
   * Stores lines as already said and confirmed in a meeting's transcript, without sending them live
   * (a long meeting for benchmarks); `start`/`end` in seconds from the session start. Returns the
   * session start (ms since the epoch) the lines' absolute times count from.
   */
  addConfirmed(meetingId: number, lines: ReadonlyArray<{ speaker: string; text: string; start: number; end: number }>): number;
  setFault(f: SimFault | null): void;
  /** Publishes transcript changes this many simulated milliseconds late from now on. */
  setCaptionDelay(ms: number): void;
  /** The simulated clock (epoch ms), which runs `timeScale` times faster than the wall clock. */
  now(): number;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const profile = opts.profile ?? 'g3';
  if (!SIM_PROFILES.includes(profile)) throw new Error(`Unknown profile '${String(profile)}'; use one of ${SIM_PROFILES.join(', ')}`);
  const defaultScenario = opts.scenario ?? 'normal';
  if (!SIM_SCENARIOS.includes(defaultScenario))
    throw new Error(`Unknown scenario '${String(defaultScenario)}'; use one of ${SIM_SCENARIOS.join(', ')}`);

  const clock = createClock(opts.timeScale ?? 1, Date.now, opts.clockSkewMs ?? 0);
  const captionDelay = { ms: Math.max(0, opts.captionDelayMs ?? 0) };
  const users = new UserStore(clock);
  const meetings = new MeetingStore();
  const hub = new WsHub();
  const runner = new ScenarioRunner(() => ctx);
  const webhooks = new WebhookDispatcher(() => ctx);
  const log = opts.log ?? (() => undefined);
  const ctx: SimContext = {
    profile,
    clock,
    users,
    meetings,
    publisher: hub,
    lifecycle: runner,
    webhooks,
    defaultScenario,
    adminKey: opts.adminKey || null,
    allowPrivateWebhooks: opts.allowPrivateWebhooks ?? false,
    longLines: opts.longLines ?? 200,
    scriptLines: opts.scriptLines ?? null,
    captionDelay,
    log,
  };
  hub.attach(ctx);

  const configured = users.registerKeys(opts.apiKeys ?? [DEFAULT_SIM_API_KEY]);
  if (opts.seed) {
    seedLibrary(ctx, configured);
    // Users only an administrator would see; without an admin key nobody can list them.
    if (ctx.adminKey) seedAdminUsers(ctx);
  }

  const router = new Router();
  router.add('GET', '/health', { kind: 'public' }, () => json(200, { status: 'ok' }));
  if (profile !== 'g1') {
    router.add('GET', '/auth/me', { kind: 'public' }, (req) => {
      const auth = authenticateUser(ctx, req.headers, null, 'gateway');
      if (!auth.ok) return auth.response;
      const { user, token } = auth.caller;
      return json(200, { user_id: user.id, email: user.email, scopes: token.scopes, max_concurrent: user.maxConcurrent });
    });
  }
  registerBotRoutes(router, ctx);
  registerShareRoutes(router, ctx, new ShareStore());
  registerTranscriptRoutes(router, ctx);
  registerMeetingRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  const stopCalendarSweep = registerCalendarRoutes(router, ctx);
  registerDeliveryRoute(router, ctx, webhooks);
  registerRecordingRoutes(router, ctx);
  // G3's admin-api is its own service on its own address, opened only when there is a key to
  // administer with (the in-app demo has none); G1/G2 route /admin through the gateway.
  const separateAdmin = profile === 'g3';
  const adminRouter = separateAdmin ? (ctx.adminKey ? new Router() : null) : router;
  if (separateAdmin) adminRouter?.add('GET', '/health', { kind: 'public' }, () => json(200, { status: 'ok', service: 'admin-api' }));
  if (adminRouter) registerAdminRoutes(adminRouter, ctx);

  const server = new SimServer(ctx, router, hub, {
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? defaultRateLimit(profile),
  });
  registerControlRoutes(router, ctx, {
    dropSockets: () => hub.dropAll(),
    restart: (downMs) => server.restart(downMs),
    injectRaw: (id, raw) => hub.injectRaw(id, raw),
    setFault: (f) => server.setFault(f),
    fault: () => server.currentFault(),
    socketCount: () => hub.size,
    url: () => server.url,
  });
  const adminServer =
    separateAdmin && adminRouter
      ? new SimServer(ctx, adminRouter, hub, {
          host: opts.host ?? '127.0.0.1',
          port: opts.adminPort ?? 0,
          rateLimitPerMinute: 0,
          websocket: false,
        })
      : null;
  await server.listen();
  await adminServer?.listen();
  const stopAutoJoin = profile === 'g3' ? startAutoJoin(ctx) : () => undefined;
  log(
    `Vexa simulator (${profile}) listening on ${server.url}${adminServer ? `, admin API on ${adminServer.url}` : ''}, time scale ${clock.timeScale}`,
  );

  const meeting = (id: number) => {
    const m = meetings.get(id);
    if (!m) throw new Error(`No meeting with id ${id}`);
    return m;
  };

  return {
    get url() {
      return server.url;
    },
    get adminUrl() {
      if (separateAdmin) return adminServer?.url ?? null;
      return server.url;
    },
    profile,
    close: async () => {
      stopAutoJoin();
      stopCalendarSweep();
      runner.shutdown();
      clock.clearAll();
      await server.close();
      await adminServer?.close();
      await webhooks.close();
    },
    admit: (id) => void runner.admit(meeting(id).id),
    dropSockets: () => hub.dropAll(),
    restart: (downMs = DEFAULT_RESTART_DOWN_MS) => server.restart(downMs),
    comeBack: () => server.comeBack(),
    injectRaw: (id, raw) => hub.injectRaw(meeting(id).id, raw),
    truth: (id) => truthOf(meeting(id)),
    addConfirmed: (id, lines) => {
      const m = meeting(id);
      m.startTime ??= clock.now();
      const at = clock.now();
      for (const line of lines) {
        const speakerKey = line.speaker.toLowerCase().replace(/\W+/g, '-');
        const segmentId = `${m.sessionUid}:${speakerKey}:${Math.round(line.start * 1000)}`;
        m.segments.set(segmentId, {
          segmentId,
          speaker: line.speaker,
          speakerKey,
          text: line.text,
          start: line.start,
          end: line.end,
          completed: true,
          source: 'glow-bound',
          language: 'en',
          createdAt: at,
          updatedAt: at,
        });
      }
      return m.startTime;
    },
    setFault: (f) => server.setFault(f),
    setCaptionDelay: (ms) => {
      captionDelay.ms = Math.max(0, ms);
    },
    now: () => clock.now(),
  };
}
