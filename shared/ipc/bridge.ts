import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './contract';
import type { Result } from './result';

/**
 * What the preload exposes as `window.vexa` and what the web-harness client implements:
 * the renderer cannot tell which transport it has.
 */
export interface VexaBridge {
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Subscribes to every pushed event; returns an unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

/** The typed face of the bridge used by renderer code. */
export interface TypedApi {
  invoke<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function typedApi(bridge: VexaBridge): TypedApi {
  return {
    invoke: (channel, input) => bridge.invoke(channel, input) as never,
    on: (event, listener) =>
      bridge.onEvent((name, payload) => {
        if (name === event) listener(payload as never);
      }),
  };
}

/** Channel the Electron transport uses to push events to the window. */
export const EVENT_CHANNEL = 'vexa:event';
