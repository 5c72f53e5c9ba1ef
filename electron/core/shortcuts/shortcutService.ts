import { UserFacingError } from '../../../shared/ipc/dispatch';
import { SHORTCUT_LABELS, type ShortcutAction, type ShortcutSettings } from '../../../shared/ipc/shortcutSettings';
import type { ShortcutView, ShortcutsView } from '../../../shared/ipc/shortcuts';
import type { ShortcutPlatform } from '../../../shared/shortcuts/accelerator';
import { checkShortcutChoice } from '../../../shared/shortcuts/conflicts';
import type { Clock, Logger } from '../ports';
import { planShortcuts, registeredState, type ShortcutSupport } from './registry';

/**
 * The desktop's global shortcuts (Electron's `globalShortcut` behind electron/main/shell/
 * globalShortcuts.ts; a recording fake in the browser harness and the tests).
 */
export interface GlobalShortcutPort {
  readonly support: ShortcutSupport;
  /** False when the OS refused (another app holds the keys, or Wayland has no portal). */
  register(accelerator: string, onPress: () => void): boolean;
  isRegistered(accelerator: string): boolean;
  unregister(accelerator: string): void;
  unregisterAll(): void;
  /** Stops (true) or resumes every registered shortcut without unregistering it. */
  setSuspended(suspended: boolean): void;
}

/** For a core without a desktop (tests that do not care): nothing registers. */
export const noGlobalShortcuts: GlobalShortcutPort = {
  support: 'none',
  register: () => false,
  isRegistered: () => false,
  unregister: () => {},
  unregisterAll: () => {},
  setSuspended: () => {},
};

/** Recording new keys pauses the shortcuts; a field left without saying so resumes them after this. */
export const RECORDING_PAUSE_MS = 60_000;

export interface ShortcutServiceDeps {
  port: GlobalShortcutPort;
  platform: ShortcutPlatform;
  settings: { read(): ShortcutSettings; save(next: ShortcutSettings): void };
  actions: Record<ShortcutAction, () => Promise<void>>;
  onChange(view: ShortcutsView): void;
  clock: Clock;
  logger: Logger;
}

/** Registers the shortcuts the settings name, keeps each one's state, and re-registers on change. */
export class ShortcutService {
  private readonly registered = new Map<ShortcutAction, string>();
  private items: ShortcutView[] = [];
  private paused: { cancel(): void } | null = null;
  private stopped = false;

  constructor(private readonly d: ShortcutServiceDeps) {}

  view(): ShortcutsView {
    return { support: this.d.port.support, paused: this.paused !== null, items: this.items };
  }

  /**
   * Brings the OS in line with the settings: keys no longer wanted are released, new ones
   * registered, unchanged ones left alone (on Wayland every registration re-binds the whole set,
   * docs/api/global-shortcut.md). Keys another app held are asked for again each time.
   */
  apply(): ShortcutsView {
    // Electron refuses registrations while suspended: the keys would all look taken.
    if (this.stopped || this.paused) return this.view();
    const plan = planShortcuts(this.d.settings.read(), this.d.platform, this.d.port.support);
    for (const [action, accelerator] of [...this.registered]) {
      const wanted = plan.find((p) => p.action === action);
      if (wanted?.register && wanted.accelerator === accelerator) continue;
      this.d.port.unregister(accelerator);
      this.registered.delete(action);
    }
    const support = this.d.port.support;
    this.items = plan.map((p): ShortcutView => {
      const label = SHORTCUT_LABELS[p.action];
      if (!p.register) return { action: p.action, label, accelerator: p.accelerator, keys: p.keys, state: p.state, message: p.message };
      if (support === 'none') throw new Error('planShortcuts registers nothing without support');
      const registered = this.holds(p.action, p.accelerator) || this.register(p.action, p.accelerator);
      return { action: p.action, label, accelerator: p.accelerator, keys: p.keys, ...registeredState(registered, support, p.keys) };
    });
    const view = this.view();
    this.d.onChange(view);
    return view;
  }

  /** Still registered from an earlier pass (and the OS agrees). */
  private holds(action: ShortcutAction, accelerator: string): boolean {
    if (this.registered.get(action) !== accelerator) return false;
    if (this.d.port.isRegistered(accelerator)) return true;
    this.registered.delete(action);
    return false;
  }

  private register(action: ShortcutAction, accelerator: string): boolean {
    let ok: boolean;
    try {
      // `isRegistered` is false when another app holds the keys (electron.d.ts); on Wayland both
      // answers only say the request went out (see registeredState).
      const requested = this.d.port.register(accelerator, () => this.press(action));
      ok = requested && this.d.port.isRegistered(accelerator);
      if (requested && !ok) this.d.port.unregister(accelerator);
    } catch (e) {
      // A throw (keys Electron cannot read) counts as refused; the parser here should have caught them first.
      this.d.logger.warn('Could not register a global shortcut', { action, accelerator, error: String(e) });
      ok = false;
    }
    if (ok) this.registered.set(action, accelerator);
    else this.d.logger.info('A global shortcut was refused', { action, accelerator, support: this.d.port.support });
    return ok;
  }

  private press(action: ShortcutAction): void {
    if (this.paused || this.stopped) return;
    this.d.logger.info('Global shortcut pressed', { action });
    void this.d.actions[action]().catch((e: unknown) => this.d.logger.error('A global shortcut failed', { action, error: String(e) }));
  }

  /** Sets (or turns off) one shortcut; refused keys change nothing and say why. */
  set(action: ShortcutAction, text: string | null): ShortcutsView {
    const current = this.d.settings.read();
    const choice = checkShortcutChoice(action, text, current, this.d.platform);
    if (!choice.ok) throw new UserFacingError('shortcut_refused', choice.problem);
    // Electron refuses new registrations while shortcuts are suspended (GlobalShortcut.setSuspended).
    this.resume(false);
    this.d.settings.save({ ...current, [action]: choice.accelerator });
    return this.apply();
  }

  /** While the Settings field records keys, pressing the current ones must reach the field. */
  setRecording(active: boolean): void {
    if (!active) return this.resume(true);
    if (this.paused) this.paused.cancel();
    else this.d.port.setSuspended(true);
    this.paused = this.d.clock.setTimeout(() => this.resume(true), RECORDING_PAUSE_MS);
    this.d.onChange(this.view());
  }

  private resume(announce: boolean): void {
    if (!this.paused) return;
    this.paused.cancel();
    this.paused = null;
    this.d.port.setSuspended(false);
    if (announce) this.d.onChange(this.view());
  }

  /** Releases every key (the app quits). */
  stop(): void {
    if (this.stopped) return;
    this.paused?.cancel();
    this.paused = null;
    this.stopped = true;
    this.registered.clear();
    this.d.port.unregisterAll();
  }
}
