/**
 * The envelope every IPC request resolves to. Nothing throws across the process boundary:
 * a failure is a code for the program and a sentence a person can act on.
 */
export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; code: string; message: string };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: string, message: string): Err => ({ ok: false, code, message });

/** Error codes that originate in the IPC layer itself (services add their own). */
export const IpcCodes = {
  validation: 'validation',
  unknownChannel: 'unknown_channel',
  forbidden: 'forbidden',
  internal: 'internal',
  notConnected: 'not_connected',
  /** The server will not call this webhook address (G2 refuses private and internal ones). */
  webhookRefused: 'webhook_refused',
} as const;
