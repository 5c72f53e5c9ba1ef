import type { SimContext } from './context';
import { detail, isRecord, json, parseJsonBody, type Router, type SimRequest, type SimResponse } from './http';
import { truthOf } from './meetings';
import type { MeetingRecord, SimFault } from './types';

/** What the control endpoints reach beyond the shared context (owned by the server). */
export interface ControlHooks {
  dropSockets(): void;
  restart(downMs: number): Promise<void>;
  injectRaw(meetingId: number, raw: string | Buffer): number;
  setFault(fault: SimFault | null): void;
  fault(): SimFault | null;
  socketCount(): number;
  url(): string;
}

const CONTROL = { kind: 'control' } as const;
export const DEFAULT_RESTART_DOWN_MS = 500;

export function parseFault(value: unknown): SimFault | null | string {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return 'fault must be an object or null';
  if (typeof value.status !== 'number' || !Number.isInteger(value.status)) return "'status' must be an integer";
  if (typeof value.body !== 'string') return "'body' must be a string";
  const fault: SimFault = { status: value.status, body: value.body };
  if (typeof value.contentType === 'string') fault.contentType = value.contentType;
  if (typeof value.count === 'number') fault.count = value.count;
  if (typeof value.hangMs === 'number') fault.hangMs = value.hangMs;
  if (typeof value.paths === 'string') fault.paths = value.paths;
  return fault;
}

export function registerControlRoutes(router: Router, ctx: SimContext, hooks: ControlHooks): void {
  const withMeeting = (req: SimRequest, then: (m: MeetingRecord) => SimResponse): SimResponse => {
    const m = ctx.meetings.get(Number.parseInt(req.params.meeting_id ?? '', 10));
    return m ? then(m) : detail(404, 'Meeting not found');
  };

  router.add('POST', '/_sim/meetings/{meeting_id}/admit', CONTROL, (req) =>
    withMeeting(req, (m) => {
      const outcome = ctx.lifecycle.admit(m.id);
      if (outcome === 'ignored')
        return detail(409, `Meeting ${m.id} is ${m.status}; only a bot on its way to or in the lobby can be admitted`);
      return json(200, { meeting_id: m.id, status: m.status, admitted: outcome });
    }),
  );
  router.add('POST', '/_sim/drop-sockets', CONTROL, () => {
    const dropped = hooks.socketCount();
    hooks.dropSockets();
    return json(200, { dropped });
  });
  router.add('POST', '/_sim/restart', CONTROL, (req) => {
    const raw = Number.parseInt(req.query.get('down_ms') ?? '', 10);
    const downMs = Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_RESTART_DOWN_MS;
    return { status: 202, body: { restarting: true, down_ms: downMs }, afterSend: () => void hooks.restart(downMs) };
  });
  router.add('POST', '/_sim/meetings/{meeting_id}/inject', CONTROL, (req) =>
    withMeeting(req, (m) => {
      const raw = req.query.get('binary') === '1' ? req.body : req.body.toString('utf8');
      return json(200, { meeting_id: m.id, sent: hooks.injectRaw(m.id, raw) });
    }),
  );
  router.add('GET', '/_sim/meetings/{meeting_id}/truth', CONTROL, (req) =>
    withMeeting(req, (m) => json(200, { meeting_id: m.id, status: m.status, segments: truthOf(m) })),
  );
  router.add('POST', '/_sim/fault', CONTROL, (req) => {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return detail(422, 'fault body must be JSON');
    const fault = parseFault(parsed.value);
    if (typeof fault === 'string') return detail(422, fault);
    hooks.setFault(fault);
    return json(200, { fault });
  });
  router.add('POST', '/_sim/caption-delay', CONTROL, (req) => {
    const ms = Number(req.query.get('ms'));
    if (!Number.isFinite(ms) || ms < 0 || ms > 600_000) return detail(422, "'ms' must be 0..600000");
    ctx.captionDelay.ms = ms;
    return json(200, { caption_delay_ms: ms });
  });
  router.add('GET', '/_sim/state', CONTROL, () =>
    json(200, {
      url: hooks.url(),
      profile: ctx.profile,
      time_scale: ctx.clock.timeScale,
      caption_delay_ms: ctx.captionDelay.ms,
      default_scenario: ctx.defaultScenario,
      sockets: hooks.socketCount(),
      fault: hooks.fault(),
      users: ctx.users.size,
      meetings: ctx.meetings.all().map((m) => ({
        id: m.id,
        user_id: m.userId,
        platform: m.platform,
        native_meeting_id: m.nativeId,
        status: m.status,
        scenario: m.scenario,
        completion_reason: m.completionReason,
        segments: [...m.segments.values()].filter((s) => s.completed).length,
      })),
    }),
  );
}
