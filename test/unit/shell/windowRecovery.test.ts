import { describe, expect, it } from 'vitest';
import {
  askInMessageBox,
  attachWindowRecovery,
  choiceFor,
  CRASH_LIMIT,
  crashPrompt,
  decideAfterCrash,
  describeLoadFailure,
  loadFailurePrompt,
  reloadUrl,
  type GoneDetails,
  type GoneReason,
  type RecoveryChoice,
} from '../../../electron/main/shell/windowRecovery';
import { pause } from '../../support/waitFor';

const START = 'app://companion/index.html';
const MIN = 60_000;

/** Electron's rejection for a failed `loadURL` carries `code` and `errno` (lib/browser/api/web-contents.ts). */
function loadError(code: string, errno: number) {
  return Object.assign(new Error(`${code} (${errno}) loading '${START}'`), { code, errno });
}

describe('crash policy', () => {
  it('reloads a crashed window, and gives up on the fourth crash within five minutes', () => {
    let history: number[] = [];
    const actions: string[] = [];
    for (const t of [0, 1 * MIN, 2 * MIN, 3 * MIN]) {
      const d = decideAfterCrash(history, t);
      history = d.history;
      actions.push(d.action);
    }
    expect(CRASH_LIMIT).toEqual({ crashes: 3, withinMs: 5 * MIN });
    expect(actions).toEqual(['reload', 'reload', 'reload', 'give-up']);
  });

  it('forgets crashes older than the window, so a crash a day is always reloaded', () => {
    let history: number[] = [];
    for (let day = 0; day < 10; day++) {
      const d = decideAfterCrash(history, day * 24 * 60 * MIN);
      history = d.history;
      expect(d.action).toBe('reload');
    }
    expect(history).toHaveLength(1);
  });

  it('reloads the page it showed with the restart flag, keeping the overlay’s route', () => {
    expect(reloadUrl(START, START)).toBe('app://companion/index.html?restarted=1');
    expect(reloadUrl('app://companion/#/overlay/7', START)).toBe('app://companion/?restarted=1#/overlay/7');
    expect(reloadUrl('app://companion/index.html?restarted=1', START)).toBe('app://companion/index.html?restarted=1');
    expect(reloadUrl('', START)).toBe('app://companion/index.html?restarted=1');
    expect(reloadUrl('https://evil.example/', START)).toBe('app://companion/index.html?restarted=1');
  });

  it('says what happened and what the person can do, in plain words', () => {
    const prompt = crashPrompt('oom', '/home/me/.config/Vexa Companion/logs');
    expect(prompt.message).toBe('The Vexa Companion window keeps stopping');
    expect(prompt.detail).toContain('(last reason: oom)');
    expect(prompt.detail).toContain('/home/me/.config/Vexa Companion/logs');
    expect(prompt.buttons).toEqual(['Try again', 'Open the log folder', 'Quit']);
    expect(prompt.choices).toEqual(['retry', 'logs', 'quit']);
    expect(loadFailurePrompt('The page did not load.', '/logs').buttons).toHaveLength(prompt.choices.length);
    // Escape in the message box must never quit the app.
    expect(choiceFor(prompt, 2)).toBe('quit');
    expect(choiceFor(prompt, -1)).toBe('retry');
  });
});

describe('load failures', () => {
  it('treats a load replaced by a newer one as no failure, and names the code otherwise', () => {
    expect(describeLoadFailure(loadError('ERR_ABORTED', -3))).toBeNull();
    expect(describeLoadFailure(loadError('ERR_FILE_NOT_FOUND', -6))).toBe(
      "The app's page did not load (ERR_FILE_NOT_FOUND). Reinstalling Vexa Companion usually fixes this.",
    );
  });
});

function setup(answers: Array<RecoveryChoice | 'close'> = []) {
  let gone: ((event: unknown, details: GoneDetails) => void) | null = null;
  let now = 0;
  let url = START;
  const loads: string[] = [];
  const failNext: unknown[] = [];
  const events: string[] = [];
  const logs: Array<[string, string, Record<string, unknown>]> = [];
  const contents = {
    destroyed: false,
    isDestroyed: () => contents.destroyed,
    getURL: () => url,
    loadURL: async (next: string) => {
      loads.push(next);
      const failure = failNext.shift();
      if (failure) throw failure;
      url = next;
    },
    on: (_event: 'render-process-gone', l: (event: unknown, details: GoneDetails) => void) => void (gone = l),
  };
  const recovery = attachWindowRecovery({
    name: 'main window',
    contents,
    startUrl: START,
    now: () => now,
    log: (level, message, fields) => void logs.push([level, message, fields]),
    giveUp: async (problem) => {
      events.push(`ask ${problem.kind}`);
      return answers.shift() ?? 'close';
    },
    reveal: () => void events.push('reveal'),
    openLogs: () => void events.push('logs'),
    quit: () => void events.push('quit'),
  });
  const crash = async (reason: GoneReason = 'crashed', at = now) => {
    now = at;
    gone?.({}, { reason, exitCode: 139 });
    await pause(0);
  };
  return { recovery, contents, loads, failNext, events, logs, crash, setUrl: (u: string) => (url = u) };
}

describe('window recovery (Electron adapter)', () => {
  it('reloads a crashed page with the restart notice and logs why it stopped', async () => {
    const t = setup();
    t.setUrl('app://companion/#/overlay/7');
    await t.crash('crashed');
    expect(t.loads).toEqual(['app://companion/?restarted=1#/overlay/7']);
    expect(t.logs[0]).toEqual(['error', "The main window's page stopped", { reason: 'crashed', exitCode: 139, action: 'reload' }]);
  });

  it('stops reloading a page that keeps crashing and asks; "Try again" starts over', async () => {
    const t = setup(['retry']);
    for (const at of [0, MIN, 2 * MIN]) await t.crash('oom', at);
    expect(t.loads).toHaveLength(3);
    await t.crash('oom', 3 * MIN);
    expect(t.events).toEqual(['ask crash']);
    expect(t.loads).toHaveLength(4);
    // The history was cleared by "Try again": the next crash reloads without asking.
    await t.crash('oom', 3 * MIN + 1);
    expect(t.events).toEqual(['ask crash']);
    expect(t.loads).toHaveLength(5);
  });

  it('gives the person the log folder or quits, as chosen', async () => {
    for (const [answer, expected] of [
      ['logs', 'logs'],
      ['quit', 'quit'],
    ] as const) {
      const t = setup([answer]);
      for (const at of [0, 1, 2, 3]) await t.crash('crashed', at);
      expect(t.events).toEqual(['ask crash', expected]);
      expect(t.loads).toHaveLength(3);
    }
  });

  it('ignores a renderer that went away with its window', async () => {
    const t = setup();
    t.contents.destroyed = true;
    await t.crash();
    expect(t.loads).toEqual([]);
    expect(t.logs).toEqual([]);
  });

  it('shows a failed first load instead of leaving a hidden window and an unhandled rejection', async () => {
    const t = setup(['retry']);
    t.failNext.push(loadError('ERR_FILE_NOT_FOUND', -6));
    await t.recovery.load(START);
    expect(t.events).toEqual(['reveal', 'ask load']);
    expect(t.loads).toEqual([START, START]);
    expect(t.logs[0]?.[1]).toBe('The main window could not load its page');
  });

  it('says nothing when a load was only replaced by a newer one', async () => {
    const t = setup();
    t.failNext.push(loadError('ERR_ABORTED', -3));
    await expect(t.recovery.load(START)).resolves.toBeUndefined();
    expect(t.events).toEqual([]);
  });
});

describe('the recovery message box', () => {
  it('sits on the window while it exists, and maps the button to a choice', async () => {
    const calls: Array<{ parent: boolean; buttons: string[]; cancelId: number }> = [];
    const dialog = {
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { buttons: string[]; cancelId: number };
        calls.push({ parent: args.length === 2, buttons: options.buttons, cancelId: options.cancelId });
        return { response: 2, checkboxChecked: false };
      },
    } as unknown as Parameters<typeof askInMessageBox>[0];
    const state = { destroyed: false };
    const win = { isDestroyed: () => state.destroyed } as unknown as Parameters<typeof askInMessageBox>[1];
    expect(await askInMessageBox(dialog, win, { kind: 'crash', reason: 'crashed' }, '/logs')).toBe('quit');
    state.destroyed = true;
    expect(await askInMessageBox(dialog, win, { kind: 'load', description: 'It did not load.' }, '/logs')).toBe('quit');
    expect(calls).toEqual([
      { parent: true, buttons: ['Try again', 'Open the log folder', 'Quit'], cancelId: 0 },
      { parent: false, buttons: ['Try again', 'Open the log folder', 'Quit'], cancelId: 0 },
    ]);
  });
});
