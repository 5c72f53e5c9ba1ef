import { parseStatusFrame, type StatusUpdate } from '../../../shared/meetings/statusFrame';
import { wsUrlFor } from '../../../shared/vexa/baseUrl';
import type { Resolver } from '../net/guardedLookup';
import type { Clock, Logger } from '../ports';
import { LiveSocket, type LiveState, type MeetingRef } from './liveSocket';

export interface LiveHubOptions {
  baseUrl: string;
  apiKey: string;
  clock: Clock;
  logger: Logger;
  onStatus(update: StatusUpdate): void;
  onState(state: LiveState): void;
  /** Every (re)connect: the owner refreshes statuses (and later transcripts) from REST. */
  onOpen(reconnect: boolean): void;
  /** Frames other than statuses (transcripts, retractions, chat) for the live pipeline. */
  onOtherFrame?(frame: Record<string, unknown>): void;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  resolveHost?: Resolver;
}

/**
 * The core's single live connection to the active server: routes status frames of every
 * generation to the tracker and everything else to the live transcript pipeline.
 */
export class LiveHub {
  private readonly socket: LiveSocket;

  constructor(o: LiveHubOptions) {
    this.socket = new LiveSocket({
      url: wsUrlFor(o.baseUrl),
      apiKey: o.apiKey,
      clock: o.clock,
      logger: o.logger,
      onState: o.onState,
      onOpen: o.onOpen,
      backoffBaseMs: o.backoffBaseMs,
      backoffMaxMs: o.backoffMaxMs,
      resolveHost: o.resolveHost,
      onFrame: (frame) => {
        const status = parseStatusFrame(frame);
        if (status) o.onStatus(status);
        else if (frame.type === 'error')
          o.logger.warn('The server sent a live error', { error: frame.error, details: frame.details ?? frame.detail });
        else if (frame.type !== 'pong' && frame.type !== 'subscribed' && frame.type !== 'unsubscribed') o.onOtherFrame?.(frame);
      },
    });
  }

  get state(): LiveState {
    return this.socket.current;
  }

  start(): void {
    this.socket.start();
  }

  subscribe(meetings: MeetingRef[]): void {
    this.socket.subscribe(meetings);
  }

  unsubscribe(meetings: MeetingRef[]): void {
    this.socket.unsubscribe(meetings);
  }

  reconnectNow(): void {
    this.socket.reconnectNow();
  }

  close(): void {
    this.socket.close();
  }
}
