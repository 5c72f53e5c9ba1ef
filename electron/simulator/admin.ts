import type { SimContext } from './context';
import { detail, isRecord, json, parseJsonBody, type Router, type SimRequest, type SimResponse } from './http';
import { restTime } from './profiles';
import { extraForbiddenError, intParsingError, jsonInvalidError, missingError, parseIntParam, valueError } from './pydantic';
import { DEFAULT_MAX_CONCURRENT, mintTokenValue } from './users';
import type { SimScope, TokenRecord, UserRecord } from './types';

const ADMIN = { kind: 'admin' } as const;
const VALID_SCOPES: readonly SimScope[] = ['bot', 'tx', 'browser'];

/**
 * The admin API. G1/G2 reach it through the gateway at `/admin/...`; G3's gateway has no `/admin`
 * route (404) and admin-api answers on its own address (compose port 8001), which the simulator
 * serves on a second port (`Simulator.adminUrl`). Routes a generation lacks are simply not
 * registered, so the router answers as FastAPI does: 405 `Method Not Allowed` where another method
 * shares the path (G3 `GET /admin/users`, which has only POST; G1/G2 `GET /admin/users/{id}/tokens`),
 * 404 `Not Found` elsewhere (Vexa-ai/vexa:core/identity/services/admin-api/src/admin_api/app/main.py).
 */
export function registerAdminRoutes(router: Router, ctx: SimContext): void {
  const classic = ctx.profile !== 'g3';
  router.add('POST', '/admin/users', ADMIN, (req) => createUser(ctx, req));
  if (classic) router.add('GET', '/admin/users', ADMIN, (req) => listUsers(ctx, req));
  router.add('GET', '/admin/users/email/{email}', ADMIN, (req) => {
    const user = ctx.users.byEmail(req.params.email ?? '');
    return user ? json(200, userResponse(ctx, user)) : detail(404, 'User not found');
  });
  router.add('GET', '/admin/users/{user_id}', ADMIN, (req) =>
    withUser(ctx, req, (user) =>
      json(
        200,
        classic
          ? { ...userResponse(ctx, user), api_tokens: ctx.users.tokensOf(user.id).map((t) => classicToken(ctx, t)) }
          : userResponse(ctx, user),
      ),
    ),
  );
  if (!classic)
    router.add('GET', '/admin/users/{user_id}/tokens', ADMIN, (req) =>
      withUser(ctx, req, (user) => json(200, ctx.users.tokensOf(user.id).map(tokenInfo))),
    );
  router.add('PATCH', '/admin/users/{user_id}', ADMIN, (req) => withUser(ctx, req, (user) => patchUser(ctx, req, user)));
  router.add('POST', '/admin/users/{user_id}/tokens', ADMIN, (req) => withUser(ctx, req, (user) => mintToken(ctx, req, user)));
  router.add('DELETE', '/admin/tokens/{token_id}', ADMIN, (req) => {
    const id = Number.parseInt(req.params.token_id ?? '', 10);
    if (!ctx.users.revokeToken(id)) return detail(404, 'Token not found');
    return { status: 204 };
  });
}

function withUser(ctx: SimContext, req: SimRequest, then: (user: UserRecord) => SimResponse): SimResponse {
  const raw = req.params.user_id ?? '';
  if (!/^\d+$/.test(raw)) return detail(422, [intParsingError(['path', 'user_id'], raw)]);
  const user = ctx.users.get(Number.parseInt(raw, 10));
  return user ? then(user) : detail(404, 'User not found');
}

function publicData(user: UserRecord): Record<string, unknown> {
  const { webhook_secret: _secret, ...rest } = user.data;
  return rest;
}

/** G3 dropped `image_url` and `created_at` from the user response. */
export function userResponse(ctx: SimContext, user: UserRecord): Record<string, unknown> {
  if (ctx.profile === 'g3')
    return { id: user.id, email: user.email, name: user.name, max_concurrent_bots: user.maxConcurrent, data: publicData(user) };
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    image_url: user.imageUrl,
    max_concurrent_bots: user.maxConcurrent,
    data: publicData(user),
    created_at: restTime(ctx.profile, user.createdAt),
  };
}

function classicToken(ctx: SimContext, t: TokenRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, token: t.token, user_id: t.userId, created_at: restTime(ctx.profile, t.createdAt) };
  if (ctx.profile === 'g2') {
    out.scopes = t.scopes;
    out.name = t.name;
  }
  return out;
}

function tokenInfo(t: TokenRecord): Record<string, unknown> {
  return {
    id: t.id,
    user_id: t.userId,
    scopes: t.scopes,
    name: t.name,
    created_at: restTime('g3', t.createdAt),
    last_used_at: restTime('g3', t.lastUsedAt),
    expires_at: restTime('g3', t.expiresAt),
  };
}

function readBody(req: SimRequest): { ok: true; body: Record<string, unknown> } | { ok: false; response: SimResponse } {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return { ok: false, response: detail(422, [jsonInvalidError()]) };
  if (parsed.value === undefined) return { ok: true, body: {} };
  if (!isRecord(parsed.value))
    return {
      ok: false,
      response: detail(422, [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: parsed.value,
        },
      ]),
    };
  return { ok: true, body: parsed.value };
}

function createUser(ctx: SimContext, req: SimRequest): SimResponse {
  const read = readBody(req);
  if (!read.ok) return read.response;
  const body = read.body;
  if (typeof body.email !== 'string') return detail(422, [missingError(['body', 'email'], body)]);
  const existing = ctx.users.byEmail(body.email);
  if (existing) return json(200, userResponse(ctx, existing));
  const user = ctx.users.createUser({
    email: body.email,
    name: typeof body.name === 'string' ? body.name : null,
    imageUrl: ctx.profile !== 'g3' && typeof body.image_url === 'string' ? body.image_url : null,
    maxConcurrent: typeof body.max_concurrent_bots === 'number' ? body.max_concurrent_bots : DEFAULT_MAX_CONCURRENT,
    data: ctx.profile !== 'g3' && isRecord(body.data) ? body.data : {},
  });
  return json(201, userResponse(ctx, user));
}

function listUsers(ctx: SimContext, req: SimRequest): SimResponse {
  const skip = parseIntParam(req.query.get('skip'), 'skip', { ge: 0 });
  const limit = parseIntParam(req.query.get('limit'), 'limit', { ge: 1 });
  if (!skip.ok) return detail(422, [skip.error]);
  if (!limit.ok) return detail(422, [limit.error]);
  const from = skip.value ?? 0;
  return json(
    200,
    ctx.users
      .list()
      .slice(from, from + (limit.value ?? 100))
      .map((u) => userResponse(ctx, u)),
  );
}

function patchUser(ctx: SimContext, req: SimRequest, user: UserRecord): SimResponse {
  const read = readBody(req);
  if (!read.ok) return read.response;
  const body = read.body;
  if (ctx.profile === 'g3') {
    const extra = Object.keys(body).filter((k) => k !== 'max_concurrent_bots' && k !== 'data');
    if (extra.length > 0)
      return detail(
        422,
        extra.map((k) => extraForbiddenError(['body', k], body[k])),
      );
    const hasData = isRecord(body.data) && Object.keys(body.data).length > 0;
    if (typeof body.max_concurrent_bots !== 'number' && !hasData)
      return detail(422, [valueError(['body'], 'at least one user field must be supplied', body)]);
    if (typeof body.max_concurrent_bots === 'number') user.maxConcurrent = body.max_concurrent_bots;
    if (isRecord(body.data)) user.data = { ...user.data, ...body.data };
    return json(200, userResponse(ctx, user));
  }
  if (typeof body.email === 'string' && body.email !== user.email) return detail(400, 'Email cannot be changed.');
  if (typeof body.name === 'string') user.name = body.name;
  if (typeof body.image_url === 'string') user.imageUrl = body.image_url;
  if (typeof body.max_concurrent_bots === 'number') user.maxConcurrent = body.max_concurrent_bots;
  // G1/G2 replace `data` wholesale.
  if (isRecord(body.data)) user.data = body.data;
  return json(200, userResponse(ctx, user));
}

function mintToken(ctx: SimContext, req: SimRequest, user: UserRecord): SimResponse {
  if (ctx.profile === 'g1') {
    const t = ctx.users.addToken(user.id, mintTokenValue('g1', []), [...VALID_SCOPES]);
    return json(201, classicToken(ctx, t));
  }
  const read = readBody(req);
  if (!read.ok) return read.response;
  const body = read.body;
  const extra = Object.keys(body).filter((k) => !['scopes', 'name', 'expires_in'].includes(k));
  if (extra.length > 0)
    return detail(
      422,
      extra.map((k) => extraForbiddenError(['body', k], body[k])),
    );
  // Body scopes win over query scopes, which win over `?scope=` (default "bot").
  let scopes: string[];
  if (Array.isArray(body.scopes)) scopes = body.scopes.map((s) => String(s).trim()).filter(Boolean);
  else if (req.query.get('scopes') !== null)
    scopes = (req.query.get('scopes') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  else scopes = [req.query.get('scope') ?? 'bot'];
  if (scopes.length === 0) return detail(422, 'scopes must not be empty');
  const invalid = scopes.filter((s) => !(VALID_SCOPES as readonly string[]).includes(s));
  if (invalid.length > 0)
    return detail(422, `Invalid scope(s): [${invalid.map((s) => `'${s}'`).join(', ')}]. Valid: ['bot', 'browser', 'tx']`);
  const name = typeof body.name === 'string' ? body.name : req.query.get('name');
  const expiresRaw = body.expires_in ?? req.query.get('expires_in');
  const expiresIn = expiresRaw === null || expiresRaw === undefined ? null : Number(expiresRaw);
  const valid = scopes as SimScope[];
  const t = ctx.users.addToken(user.id, mintTokenValue(ctx.profile, valid), valid, {
    name,
    expiresInSec: expiresIn && expiresIn > 0 ? expiresIn : null,
  });
  if (ctx.profile === 'g2') return json(201, classicToken(ctx, t));
  return json(201, { id: t.id, token: t.token, user_id: t.userId, scopes: t.scopes });
}
