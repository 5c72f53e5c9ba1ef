import { UserFacingError, type HandlerTable } from '../../shared/ipc/dispatch';
import { scopeRefusal } from './admin/account';
import type { Logger } from './ports';

/** Channels whose scope refusal is about a key being tried, not a connected one. */
const CHECKS_ANOTHER_KEY = new Set([
  'connection:probe',
  'connection:connect',
  'connection:reenterKey',
  'servers:add',
  'servers:reenterKey',
  'demo:start',
  'admin:tokens:useInApp',
]);

/** The server a request names, if it names one. */
function serverIdOf(input: unknown): string | undefined {
  const id = input && typeof input === 'object' ? (input as { serverId?: unknown }).serverId : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * A server may echo what it was sent inside an error detail; no message that crosses to the
 * renderer may carry a key, so every handler error passes through the logger's redaction. A scope
 * refusal also says what the key of the server asked has.
 */
export function redactErrors(
  table: HandlerTable,
  logger: Logger,
  keyScopes: (serverId: string | undefined) => Promise<string[] | null>,
): HandlerTable {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(table) as Array<[string, (input: never) => Promise<unknown>]>) {
    wrapped[name] = async (input) => {
      try {
        return await handler(input);
      } catch (e) {
        const coded = e as { code?: unknown; userMessage?: unknown; message?: unknown };
        if (typeof coded.code === 'string' && typeof coded.userMessage === 'string') {
          const text =
            coded.code === 'missing_scope' && !CHECKS_ANOTHER_KEY.has(name)
              ? scopeRefusal(coded.userMessage, await keyScopes(serverIdOf(input)).catch(() => null))
              : coded.userMessage;
          throw new UserFacingError(coded.code, logger.redact(text));
        }
        if (e instanceof UserFacingError) throw new UserFacingError(e.code, logger.redact(e.message));
        throw e;
      }
    };
  }
  return wrapped as unknown as HandlerTable;
}
