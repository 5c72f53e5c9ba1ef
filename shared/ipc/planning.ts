import { z } from 'zod';

/**
 * Scheduled bots ("Coming up") and calendar feeds, per connected server. Vexa 0.12 (G3) has both;
 * an older server is listed with `available: false` and the reason in words.
 */

const ServerId = z.string().min(1).max(200);
const Text = (max: number) => z.string().max(max);

export const PlanViewSchema = z.object({
  serverId: z.string(),
  id: z.number().int(),
  status: z.enum(['idle', 'scheduled']),
  title: z.string().nullable(),
  /** The meeting as the app names it when it has no title ("Google Meet · abc-defg-hij"). */
  name: z.string(),
  link: z.string().nullable(),
  platform: z.string(),
  /** Epoch ms; null when no time is set. */
  scheduledAt: z.number().nullable(),
  /** Off: no bot will join this one (skipped). */
  autoJoin: z.boolean(),
  /** The calendar it came from, when it came from one. */
  calendar: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type PlanView = z.infer<typeof PlanViewSchema>;

export const PlanServerSchema = z.object({
  serverId: z.string(),
  label: z.string(),
  /** Scheduled bots work on this server. */
  available: z.boolean(),
  /** Calendar feeds work on this server. */
  calendars: z.boolean(),
  /** Why not, in words a person can act on; null when available. */
  reason: z.string().nullable(),
  /** The last refresh failed: what the server said. */
  error: z.string().nullable(),
  plans: z.array(PlanViewSchema),
});
export type PlanServer = z.infer<typeof PlanServerSchema>;

export const PlansViewSchema = z.object({ servers: z.array(PlanServerSchema) });
export type PlansView = z.infer<typeof PlansViewSchema>;

export const CalendarViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  maskedUrl: z.string().nullable(),
  autoJoin: z.boolean(),
  botName: z.string(),
  enabled: z.boolean(),
  lastSync: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type CalendarView = z.infer<typeof CalendarViewSchema>;

export const CalendarsViewSchema = z.object({
  serverId: z.string().nullable(),
  available: z.boolean(),
  reason: z.string().nullable(),
  calendars: z.array(CalendarViewSchema),
  /** How many feeds one account may have (ten on Vexa 0.12). */
  limit: z.number().int(),
});
export type CalendarsView = z.infer<typeof CalendarsViewSchema>;

export const SyncViewSchema = z.object({
  calendarId: z.string(),
  lastSync: z.number().nullable(),
  lastError: z.string().nullable(),
  counts: z.object({ created: z.number(), updated: z.number(), cancelled: z.number() }),
});

const OnServer = z.object({ serverId: ServerId.optional() }).strict();
const PlanRef = z.object({ serverId: ServerId, id: z.number().int() });

export const planningChannels = {
  'plans:list': { input: z.undefined().or(z.null()).or(z.object({}).strict()), output: PlansViewSchema },
  /** Schedules a bot: the server sends it about two minutes before `scheduledAt` (ISO 8601 with its zone). */
  'plans:create': {
    input: z
      .object({ serverId: ServerId.optional(), link: Text(4000).min(1), title: Text(512).optional(), scheduledAt: Text(64).min(1) })
      .strict(),
    output: PlanViewSchema,
  },
  'plans:update': {
    input: PlanRef.extend({ title: Text(512).optional(), scheduledAt: Text(64).optional(), link: Text(4000).optional() }).strict(),
    output: PlanViewSchema,
  },
  /** Off skips this one meeting (no bot joins it); on sends the bot again. */
  'plans:setAutoJoin': { input: PlanRef.extend({ autoJoin: z.boolean() }).strict(), output: PlanViewSchema },
  'plans:cancel': { input: PlanRef.strict(), output: z.null() },
  'calendars:list': { input: OnServer, output: CalendarsViewSchema },
  'calendars:add': {
    input: z
      .object({
        serverId: ServerId.optional(),
        name: Text(100).min(1),
        icsUrl: Text(2048).min(1),
        autoJoin: z.boolean(),
        botName: Text(100).optional(),
      })
      .strict(),
    output: CalendarViewSchema,
  },
  'calendars:update': {
    input: z
      .object({
        serverId: ServerId.optional(),
        id: Text(200).min(1),
        autoJoin: z.boolean().optional(),
        botName: Text(100).optional(),
        name: Text(100).optional(),
      })
      .strict(),
    output: CalendarViewSchema,
  },
  'calendars:remove': { input: z.object({ serverId: ServerId.optional(), id: Text(200).min(1) }).strict(), output: z.null() },
  'calendars:sync': { input: z.object({ serverId: ServerId.optional(), id: Text(200).min(1) }).strict(), output: SyncViewSchema },
} as const;

export const planningEvents = {
  /** Plans changed on some server (made here, synced from a calendar, or taken by a bot). */
  'plans:changed': PlansViewSchema,
} as const;
