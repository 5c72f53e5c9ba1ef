import { userResponse } from './admin';
import type { SimContext } from './context';
import { detail, isRecord, json, parseJsonBody, type Caller, type Router, type SimRequest, type SimResponse } from './http';
import { jsonInvalidError, missingError, stringTypeError, type PydanticError } from './pydantic';
import type { SimScope } from './types';
import { internalWebhookAddress } from './webhookAddress';

/**
 * Who may manage the webhook: G2's gateway puts `/user/` under the `bot` scope
 * (Vexa-ai/vexa@v0.10.7:services/api-gateway/main.py `ROUTE_SCOPES`); G3 accepts `bot` or `tx`
 * (behaviour doc §1); G1 has no scopes.
 */
function webhookScope(ctx: SimContext): SimScope | readonly SimScope[] | null {
  if (ctx.profile === 'g2') return 'bot';
  return ctx.profile === 'g3' ? ['bot', 'tx'] : null;
}

/**
 * The self-service webhook. Every generation forwards `PUT /user/webhook` to admin-api, which
 * stores it in the user's `data` and answers the whole user record (secret removed); G2 refuses a
 * private or internal address with 400 (`webhookAddress.ts`); G3 adds
 * `GET /user/webhook`, which reads it back with the secret masked (docs/docs/webhooks.mdx). G1
 * stores only the URL. `webhooks.ts` delivers to it; G1/G2 answer GET 405 (their gateways route
 * the path for PUT only).
 */
export function registerUserRoutes(router: Router, ctx: SimContext): void {
  const auth = { kind: 'user', scope: webhookScope(ctx), service: 'identity' } as const;
  router.add('PUT', '/user/webhook', auth, (req, caller) => putWebhook(ctx, req, caller!));
  if (ctx.profile === 'g3') router.add('GET', '/user/webhook', auth, (_req, caller) => json(200, readBack(caller!)));
}

function putWebhook(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return detail(422, [jsonInvalidError()]);
  const body = parsed.value;
  if (!isRecord(body)) {
    return detail(422, [
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: body ?? null,
      },
    ]);
  }
  const errors: PydanticError[] = [];
  if (!('webhook_url' in body)) errors.push(missingError(['body', 'webhook_url'], body));
  else if (typeof body.webhook_url !== 'string') errors.push(stringTypeError(['body', 'webhook_url'], body.webhook_url));
  if (ctx.profile !== 'g1') {
    if (body.webhook_secret != null && typeof body.webhook_secret !== 'string') {
      errors.push(stringTypeError(['body', 'webhook_secret'], body.webhook_secret));
    }
    if (body.webhook_events != null && !isRecord(body.webhook_events)) {
      errors.push({
        type: 'dict_type',
        loc: ['body', 'webhook_events'],
        msg: 'Input should be a valid dictionary',
        input: body.webhook_events,
      });
    }
  }
  if (errors.length > 0) return detail(422, errors);
  const url = body.webhook_url as string;
  if (ctx.profile === 'g2' && url !== '' && !ctx.allowPrivateWebhooks) {
    const refused = internalWebhookAddress(url);
    if (refused) return detail(400, refused);
  }

  const user = caller.user;
  user.data = { ...user.data, webhook_url: url };
  if (ctx.profile !== 'g1') {
    if (typeof body.webhook_secret === 'string' && body.webhook_secret) user.data.webhook_secret = body.webhook_secret;
    if (isRecord(body.webhook_events)) user.data.webhook_events = body.webhook_events;
  }
  return json(200, userResponse(ctx, user));
}

function readBack(caller: Caller): Record<string, unknown> {
  const data = caller.user.data;
  const secret = typeof data.webhook_secret === 'string' && data.webhook_secret ? data.webhook_secret : null;
  return {
    webhook_url: data.webhook_url ?? null,
    webhook_secret_set: secret !== null,
    webhook_secret: secret === null ? null : `********${secret.length > 8 ? secret.slice(-4) : ''}`,
    webhook_events: data.webhook_events ?? null,
  };
}
