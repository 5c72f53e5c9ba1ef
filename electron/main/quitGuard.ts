export interface QuitGuardOptions {
  /** Closes the core: the live socket, the database (PRAGMA optimize) and the log. */
  close(): Promise<void>;
  quit(): void;
  /** Quit goes ahead after this long even if closing hangs, so the app can always be quit. */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  onError?: (error: unknown) => void;
}

/**
 * The `before-quit` listener. The first quit is held back while the core closes cleanly,
 * then quit is requested again and allowed through. Quits requested meanwhile are absorbed.
 */
export function createQuitGuard({
  close,
  quit,
  timeoutMs = 5000,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  onError,
}: QuitGuardOptions): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';

  const finish = (): void => {
    if (state === 'closed') return;
    state = 'closed';
    quit();
  };

  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    setTimer(finish, timeoutMs);
    close().then(finish, (error: unknown) => {
      onError?.(error);
      finish();
    });
  };
}
