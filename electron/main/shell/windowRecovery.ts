import type { BaseWindow, Dialog, RenderProcessGoneDetails } from 'electron';
import { isInternalUrl } from './navigation';

/**
 * A crashed renderer leaves its window blank. It is reloaded with a flag the page reads to say it
 * restarted; a renderer that keeps crashing is not reloaded forever: past CRASH_LIMIT the person
 * is asked what to do.
 */
export const CRASH_LIMIT = { crashes: 3, withinMs: 5 * 60_000 } as const;

/** The query flag a reloaded page reads (renderer/app/route.ts `restartedAfterCrash`). */
export const RESTARTED_PARAM = 'restarted';

export type CrashAction = 'reload' | 'give-up';
/** Electron's `render-process-gone` details, named here so tests need not import `electron`. */
export type GoneDetails = Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>;
export type GoneReason = GoneDetails['reason'];

/** Crash times inside the window, the new one included, and what to do about it. */
export function decideAfterCrash(history: readonly number[], now: number): { action: CrashAction; history: number[] } {
  const recent = [...history.filter((t) => now - t < CRASH_LIMIT.withinMs), now];
  return { action: recent.length > CRASH_LIMIT.crashes ? 'give-up' : 'reload', history: recent };
}

/** The page's own address with the restart flag, or `fallback` when the page was not the app's. */
export function reloadUrl(current: string, fallback: string): string {
  const url = new URL(isInternalUrl(current) ? current : fallback);
  url.searchParams.set(RESTARTED_PARAM, '1');
  return url.href;
}

/** How a `loadURL` rejection reads in words, or null when it only means another load replaced it. */
export function describeLoadFailure(error: unknown): string | null {
  const e = error as { code?: unknown; errno?: unknown } | null;
  // ERR_ABORTED (-3): a newer navigation (a reload, the next loadURL) superseded this one.
  if (e?.code === 'ERR_ABORTED' || e?.errno === -3) return null;
  const code = typeof e?.code === 'string' ? e.code : error instanceof Error ? error.message : String(error);
  return `The app's page did not load (${code}). Reinstalling Vexa Companion usually fixes this.`;
}

export type RecoveryChoice = 'retry' | 'logs' | 'quit';

export interface RecoveryPrompt {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** What each button means, in the same order. */
  choices: RecoveryChoice[];
}

export function crashPrompt(reason: GoneReason, logsDir: string): RecoveryPrompt {
  const minutes = Math.round(CRASH_LIMIT.withinMs / 60_000);
  return {
    title: 'Vexa Companion',
    message: 'The Vexa Companion window keeps stopping',
    detail: `It stopped ${CRASH_LIMIT.crashes + 1} times within ${minutes} minutes (last reason: ${reason}). Your meetings and transcripts are kept. The details are in the log folder: ${logsDir}`,
    buttons: ['Try again', 'Open the log folder', 'Quit'],
    choices: ['retry', 'logs', 'quit'],
  };
}

export function loadFailurePrompt(description: string, logsDir: string): RecoveryPrompt {
  return {
    title: 'Vexa Companion',
    message: 'Vexa Companion could not open its window',
    detail: `${description} The details are in the log folder: ${logsDir}`,
    buttons: ['Try again', 'Open the log folder', 'Quit'],
    choices: ['retry', 'logs', 'quit'],
  };
}

export type RecoveryProblem = { kind: 'crash'; reason: GoneReason } | { kind: 'load'; description: string };

export function recoveryPrompt(problem: RecoveryProblem, logsDir: string): RecoveryPrompt {
  return problem.kind === 'crash' ? crashPrompt(problem.reason, logsDir) : loadFailurePrompt(problem.description, logsDir);
}

/** The choice behind a message box answer; Escape (or an unknown index) means "Try again", never "Quit". */
export function choiceFor(prompt: RecoveryPrompt, response: number): RecoveryChoice {
  return prompt.choices[response] ?? 'retry';
}

/** The web contents of a window, as far as recovery needs it. */
export interface RecoverableContents {
  isDestroyed(): boolean;
  getURL(): string;
  loadURL(url: string): Promise<void>;
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
}

export interface WindowRecoveryDeps {
  /** Which window this is, for the log ("main window", "caption overlay"). */
  name: string;
  contents: RecoverableContents;
  /** Where to go when the page's own address is unusable. */
  startUrl: string;
  now(): number;
  log(level: 'warn' | 'error', message: string, fields: Record<string, unknown>): void;
  /** Crashed past the limit, or the page cannot load: ask the person (main window) or close (overlay). */
  giveUp(problem: RecoveryProblem): Promise<RecoveryChoice | 'close'>;
  /** The page failed to load and its window may still be hidden: show it, so the app is not invisible. */
  reveal?(): void;
  openLogs(): void;
  quit(): void;
}

export interface WindowRecovery {
  /** Loads a URL; a failure is logged and offered to the person instead of left unhandled. */
  load(url: string): Promise<void>;
}

/**
 * `render-process-gone` and `loadURL` rejections for one window (docs/api/web-contents.md:
 * "Emitted when the renderer process unexpectedly disappears"). Before this, a crash left a blank
 * window and a failed load an unhandled rejection.
 */
export function attachWindowRecovery(d: WindowRecoveryDeps): WindowRecovery {
  let crashes: number[] = [];

  const act = async (choice: RecoveryChoice | 'close', retry: () => Promise<void>): Promise<void> => {
    if (choice === 'retry') await retry();
    else if (choice === 'logs') d.openLogs();
    else if (choice === 'quit') d.quit();
  };

  const load = async (url: string): Promise<void> => {
    try {
      await d.contents.loadURL(url);
    } catch (error) {
      const description = describeLoadFailure(error);
      if (description === null || d.contents.isDestroyed()) return;
      d.log('error', `The ${d.name} could not load its page`, { url: url.slice(0, 200), error: String(error) });
      d.reveal?.();
      await act(await d.giveUp({ kind: 'load', description }), () => load(url));
    }
  };

  const reloadAfterCrash = (): Promise<void> => load(reloadUrl(d.contents.getURL(), d.startUrl));

  d.contents.on('render-process-gone', (_event, details) => {
    if (d.contents.isDestroyed()) return;
    const decision = decideAfterCrash(crashes, d.now());
    crashes = decision.history;
    d.log('error', `The ${d.name}'s page stopped`, { reason: details.reason, exitCode: details.exitCode, action: decision.action });
    if (decision.action === 'reload') {
      void reloadAfterCrash();
      return;
    }
    void d.giveUp({ kind: 'crash', reason: details.reason }).then((choice) =>
      act(choice, () => {
        crashes = [];
        return reloadAfterCrash();
      }),
    );
  });

  return { load };
}

/** WindowRecoveryDeps.giveUp as a message box, on the window when it still exists. */
export async function askInMessageBox(
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: BaseWindow | null,
  problem: RecoveryProblem,
  logsDir: string,
): Promise<RecoveryChoice> {
  const prompt = recoveryPrompt(problem, logsDir);
  const options = {
    type: 'error' as const,
    title: prompt.title,
    message: prompt.message,
    detail: prompt.detail,
    buttons: prompt.buttons,
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } =
    parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return choiceFor(prompt, response);
}
