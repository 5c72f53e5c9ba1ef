import { isChannelName, parseChannelInput, type ChannelName, type ChannelOutput, type ParsedInput } from './contract';
import { err, IpcCodes, ok, type Result } from './result';

export type Handler<C extends ChannelName> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** An error a handler throws on purpose: its code and message reach the user as they are. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const parts = issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  return `The request was not valid (${parts.join('; ')}).`;
}

/**
 * The one entry point both transports call: validate the channel and its input, run the
 * handler, and turn every outcome into a Result. Invalid input never reaches a handler.
 */
export async function dispatch(
  table: HandlerTable,
  channel: unknown,
  rawInput: unknown,
  onUnexpected?: (channel: string, error: unknown) => void,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return err(IpcCodes.unknownChannel, 'This request is not part of the app.');
  const parsed = parseChannelInput(channel, rawInput);
  if (!parsed.success) return err(IpcCodes.validation, describeIssues(parsed.issues));
  try {
    const handler = table[channel] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (e instanceof UserFacingError) return err(e.code, e.message);
    const coded = e as { code?: unknown; userMessage?: unknown };
    if (typeof coded?.code === 'string' && typeof coded.userMessage === 'string') {
      return err(coded.code, coded.userMessage);
    }
    onUnexpected?.(channel, e);
    return err(IpcCodes.internal, 'Something went wrong inside the app. The details are in the log file.');
  }
}
