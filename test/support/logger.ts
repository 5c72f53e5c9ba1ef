import type { Logger } from '../../electron/core/ports';

/**
 * A logger that writes nothing, for tests whose subject is not the log. Tests about what is logged
 * (or kept out of the log) use the real file logger instead.
 */
export const quietLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  addSecret() {},
  redact: (t: string) => t,
  close: async () => {},
};
