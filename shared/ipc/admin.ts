import { z } from 'zod';
import { ConnectionViewSchema, GenerationSchema, KeyStorageSchema } from './models';
import { OnServerInput, ServerIdInput } from './servers';

/**
 * Channels of the admin console, the account page and webhooks. Each acts on one server: the one
 * named by `serverId`, else the current server. The admin key, the webhook secret and a user key
 * never appear in an output: the window only learns whether they are stored. The one exception is
 * `admin:tokens:create`, whose reply carries a freshly minted token value once so the person can
 * copy it.
 */

/** An id as the server spells it (G1/G2 numbers, G3 numbers or strings); the core sends it as a path segment. */
const IdInput = z.union([z.string().min(1).max(200), z.number().int().nonnegative()]);
const KeyInput = z.string().min(1).max(512);
const UrlInput = z.string().min(1).max(2048);
const EmailInput = z.string().min(1).max(320);

/** The scopes a G3 key may carry (its prefix says which: `vxa_bot_`, `vxa_tx_`, `vxa_browser_`). */
export const TokenScopeSchema = z.enum(['bot', 'tx', 'browser']);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** What the admin API of this server generation can do; the window hides what is false. */
export const AdminOffersSchema = z.object({
  /** `GET /admin/users` exists (G1/G2). G3 has no list route: offer lookup by email instead. */
  listUsers: z.boolean(),
  findByEmail: z.boolean(),
  /** The user fields `admin:users:update` accepts here (G1/G2: name and bot limit; G3: bot limit only). */
  updatableFields: z.array(z.enum(['name', 'maxConcurrentBots'])),
  /** Tokens can be minted with scopes (G2/G3). G1 mints unscoped keys. */
  tokenScopes: z.boolean(),
  /** The server keeps a webhook delivery log (G3). */
  webhookDeliveries: z.boolean(),
});
export type AdminOffers = z.infer<typeof AdminOffersSchema>;

export const AdminStatusSchema = z.object({
  /** False when no server is connected; every other field then describes nothing. */
  connected: z.boolean(),
  generation: GenerationSchema.nullable(),
  /** An admin key for this server is stored in the keychain (or for this session). */
  keyStored: z.boolean(),
  /**
   * Where it is kept: `keychain`, or `session` (this run only) where the system has no keychain or
   * the user key itself is kept unencrypted; the admin key is never written in plain text. Null without a key.
   */
  keyStorage: KeyStorageSchema.nullable(),
  /** Where the admin API is reached: the API's own address (G1/G2) or the one the person gave (G3). */
  adminUrl: z.string().nullable(),
  /** True when this generation serves the admin API on a separate address that must be entered (G3). */
  adminUrlNeeded: z.boolean(),
  /** A placeholder for the address field, e.g. `http://host:18057`; a hint only, never probed. */
  adminUrlHint: z.string().nullable(),
  offers: AdminOffersSchema,
  /** Plain sentences about what this server does not offer, to show as they are. */
  notes: z.array(z.string()),
});
export type AdminStatus = z.infer<typeof AdminStatusSchema>;

/** A token as the window may see it: never its value, only a masked label when the server lists it. */
export const AdminTokenViewSchema = z.object({
  id: z.string(),
  /** E.g. `vxa_bot_…9f2c`; null when the server does not list values (G3). */
  masked: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  name: z.string().nullable(),
  createdAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
});
export type AdminTokenView = z.infer<typeof AdminTokenViewSchema>;

export const AdminUserViewSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  maxConcurrentBots: z.number().nullable(),
  createdAt: z.number().nullable(),
});
export type AdminUserView = z.infer<typeof AdminUserViewSchema>;

export const AdminUserPageSchema = z.object({
  /** False on servers without a list route (G3); `message` says so and `users` is empty. */
  available: z.boolean(),
  message: z.string().nullable(),
  skip: z.number(),
  limit: z.number(),
  /** The server's page after the filter; `hasMore` refers to the unfiltered page being full. */
  users: z.array(AdminUserViewSchema),
  hasMore: z.boolean(),
});
export type AdminUserPage = z.infer<typeof AdminUserPageSchema>;

export const AdminUserDetailSchema = z.object({
  user: AdminUserViewSchema,
  tokens: z.array(AdminTokenViewSchema),
});
export type AdminUserDetail = z.infer<typeof AdminUserDetailSchema>;

export const MintedTokenSchema = z.object({
  token: AdminTokenViewSchema,
  /** The token's value, shown once: the core keeps it only under `handle` for `admin:tokens:useInApp`. */
  value: z.string(),
  /** Opaque; valid for `admin:tokens:useInApp` until `handleExpiresAt` (ms since epoch). */
  handle: z.string(),
  handleExpiresAt: z.number(),
});
export type MintedToken = z.infer<typeof MintedTokenSchema>;

/** A part of the app and whether the connected key may use it. */
export const AccountFeatureSchema = z.object({
  feature: z.enum(['bots', 'transcripts', 'meetings', 'recordings', 'webhooks', 'browser']),
  label: z.string(),
  /** Null when the server does not say (G1 keys, or scopes unknown). */
  allowed: z.boolean().nullable(),
  /** Any one of these scopes unlocks it (G3). Empty where keys are not scoped. */
  needs: z.array(TokenScopeSchema),
});
export type AccountFeature = z.infer<typeof AccountFeatureSchema>;

export const AccountInfoSchema = z.object({
  generation: GenerationSchema,
  /** A masked label of the connected key, e.g. `vxa_tx_…9f2c`. */
  keyLabel: z.string().nullable(),
  /** Where the facts come from: the server's `/auth/me`, the key's prefix, or nothing (G1). */
  source: z.enum(['server', 'prefix', 'none']),
  email: z.string().nullable(),
  userId: z.string().nullable(),
  /** Null where keys carry no scopes (G1, and G2 keys without a prefix). */
  scopes: z.array(z.string()).nullable(),
  /** The scope named by the key's prefix (`vxa_bot_` → bot), or null. */
  prefixScope: TokenScopeSchema.nullable(),
  maxConcurrent: z.number().nullable(),
  features: z.array(AccountFeatureSchema),
  notes: z.array(z.string()),
});
export type AccountInfo = z.infer<typeof AccountInfoSchema>;

export const WebhookViewSchema = z.object({
  /** The URL the server reports (G3) or, where the server cannot be asked (G1/G2), the last one set from this app. */
  url: z.string().nullable(),
  source: z.enum(['server', 'app', 'none']),
  /** A signing secret is set (the server says so on G3, or one is kept in the keychain here); never returned. */
  hasSecret: z.boolean(),
  /** The events the server sends, where it says (G3). */
  events: z.array(z.string()).nullable(),
  /** The server keeps a delivery log (G3). */
  deliveriesAvailable: z.boolean(),
});
export type WebhookView = z.infer<typeof WebhookViewSchema>;

export const WebhookTestResultSchema = z.object({
  /** The receiver answered 2xx. */
  ok: z.boolean(),
  /** Null when nothing answered (refused, timed out, bad address). */
  status: z.number().nullable(),
  signed: z.boolean(),
  message: z.string(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResultSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  event: z.string().nullable(),
  status: z.number().nullable(),
  ok: z.boolean().nullable(),
  at: z.number().nullable(),
  error: z.string().nullable(),
});

export const WebhookDeliveriesSchema = z.object({
  available: z.boolean(),
  /** Why none can be shown (the server does not keep them), or null. */
  message: z.string().nullable(),
  deliveries: z.array(WebhookDeliverySchema),
});
export type WebhookDeliveries = z.infer<typeof WebhookDeliveriesSchema>;

export const adminChannels = {
  /** Whether an admin key is stored for the connected server, where its admin API lives, what it offers. */
  'admin:status': { input: OnServerInput, output: AdminStatusSchema },
  /**
   * Checks the key with a real call to the admin API, then stores it in the keychain for the
   * connected server. `adminUrl` is required where `admin:status` says `adminUrlNeeded`.
   */
  'admin:setKey': {
    input: z.object({ serverId: ServerIdInput.optional(), key: KeyInput, adminUrl: UrlInput.optional() }).strict(),
    output: AdminStatusSchema,
  },
  /** Removes the admin key (and admin address) of the connected server; the user key stays. */
  'admin:forget': { input: OnServerInput, output: AdminStatusSchema },
  /** One page of users; `filter` keeps those whose email or name contains it (case-insensitive). */
  'admin:users:list': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        skip: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(50),
        filter: z.string().max(200).optional(),
      })
      .strict(),
    output: AdminUserPageSchema,
  },
  /** The user with this exact email, or null. Every generation has this route. */
  'admin:users:findByEmail': {
    input: z.object({ serverId: ServerIdInput.optional(), email: EmailInput }).strict(),
    output: z.object({ user: AdminUserViewSchema.nullable() }),
  },
  /** A user and their tokens (masked values only). */
  'admin:users:get': { input: z.object({ serverId: ServerIdInput.optional(), userId: IdInput }).strict(), output: AdminUserDetailSchema },
  /** `existed`: the server already had a user with this email and returned it unchanged. */
  'admin:users:create': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        email: EmailInput,
        name: z.string().max(500).optional(),
        maxConcurrentBots: z.number().int().min(0).max(10_000).optional(),
      })
      .strict(),
    output: z.object({ user: AdminUserViewSchema, existed: z.boolean() }),
  },
  /** Only the fields in `offers.updatableFields`; another field is refused with a sentence. */
  'admin:users:update': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        userId: IdInput,
        name: z.string().max(500).optional(),
        maxConcurrentBots: z.number().int().min(0).max(10_000).optional(),
      })
      .strict(),
    output: AdminUserViewSchema,
  },
  /** Mints a token; the reply holds its value once. Default scopes: bot and tx (send bots and read transcripts). */
  'admin:tokens:create': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        userId: IdInput,
        scopes: z.array(TokenScopeSchema).min(1).max(3).optional(),
        name: z.string().max(200).optional(),
      })
      .strict(),
    output: MintedTokenSchema,
  },
  /** Connects this server with the token minted under `handle`, without the window sending the value back. */
  'admin:tokens:useInApp': {
    input: z
      .object({
        serverId: ServerIdInput.optional(),
        handle: z.string().min(1).max(200),
        keyStorage: z.enum(['auto', 'session', 'plaintext']).default('auto'),
      })
      .strict(),
    output: ConnectionViewSchema,
  },
  /** Revokes a token; this cannot be undone. */
  'admin:tokens:revoke': { input: z.object({ serverId: ServerIdInput.optional(), tokenId: IdInput }).strict(), output: z.null() },
  /** What the connected user key is and which parts of the app it unlocks. */
  'account:info': { input: OnServerInput, output: AccountInfoSchema },
  'webhook:get': { input: OnServerInput, output: WebhookViewSchema },
  /** Sets the webhook URL; the secret (kept in the keychain) signs deliveries. Leaving it out keeps none. */
  'webhook:set': {
    input: z.object({ serverId: ServerIdInput.optional(), url: UrlInput, secret: z.string().min(1).max(512).optional() }).strict(),
    output: WebhookViewSchema,
  },
  /** Sends a signed sample event from this computer to the URL, the way the server would, and reports the answer. */
  'webhook:test': { input: OnServerInput, output: WebhookTestResultSchema },
  'webhook:clear': { input: OnServerInput, output: WebhookViewSchema },
  /** Recent deliveries (G3); other servers do not keep them and `available` is false. */
  'webhook:deliveries': {
    input: z
      .object({ serverId: ServerIdInput.optional(), limit: z.number().int().min(1).max(200).default(50) })
      .strict()
      .optional(),
    output: WebhookDeliveriesSchema,
  },
} as const;
