import type { TypedApi } from '../../shared/ipc/bridge';

// The contract bounds the report; trimming here keeps an oversized stack from being refused.
const MAX_MESSAGE = 4000;
const MAX_STACK = 20000;

export function errorReport(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    const report: { message: string; stack?: string } = {
      message: `${error.name}: ${error.message}`.slice(0, MAX_MESSAGE),
    };
    if (error.stack) report.stack = error.stack.slice(0, MAX_STACK);
    return report;
  }
  let text: string;
  try {
    text = typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    text = String(error);
  }
  return { message: (text || 'Unknown error').slice(0, MAX_MESSAGE) };
}

export function reportError(api: TypedApi, error: unknown): void {
  void api.invoke('app:reportError', errorReport(error));
}

/** Sends uncaught errors and unhandled rejections to the core's log. */
export function installErrorReporting(api: TypedApi): void {
  window.addEventListener('error', (event) => reportError(api, event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportError(api, event.reason));
}
