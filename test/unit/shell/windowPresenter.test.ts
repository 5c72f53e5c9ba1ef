import { describe, expect, it } from 'vitest';
import { createWindowPresenter, type PresentableWindow } from '../../../electron/main/shell/windowPresenter';

/** A window as the person sees it: hidden until shown, and what was done to it, in order. */
class FakeWindow implements PresentableWindow {
  calls: string[] = [];
  visible = false;
  minimized = false;
  destroyed = false;
  private readyListeners: Array<() => void> = [];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore() {
    this.calls.push('restore');
    this.minimized = false;
  }
  show() {
    this.calls.push('show');
    this.visible = true;
  }
  focus() {
    this.calls.push('focus');
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListeners.push(listener);
  }
  /** Electron's `ready-to-show`: the page has painted its first frame. */
  paints() {
    for (const l of this.readyListeners.splice(0)) l();
  }
}

function setup() {
  const created: FakeWindow[] = [];
  const presenter = createWindowPresenter({
    create: () => {
      const w = new FakeWindow();
      created.push(w);
      return w;
    },
  });
  return { presenter, created };
}

describe('main window presenter', () => {
  it('keeps a new window hidden until its page has painted, then shows and focuses it', () => {
    const { presenter, created } = setup();
    presenter.present();
    expect(created).toHaveLength(1);
    expect(created[0]!.visible).toBe(false);
    created[0]!.paints();
    expect(created[0]!.visible).toBe(true);
    expect(created[0]!.calls).toEqual(['show', 'focus']);
  });

  it('does not show a still-loading window early when asked again (a second launch, a notification click)', () => {
    const { presenter, created } = setup();
    presenter.present();
    presenter.present();
    expect(created).toHaveLength(1);
    expect(created[0]!.visible).toBe(false);
    created[0]!.paints();
    expect(created[0]!.calls).toEqual(['show', 'focus']);
  });

  it('brings an existing window to the front, restoring it when minimised', () => {
    const { presenter, created } = setup();
    presenter.present();
    created[0]!.paints();
    created[0]!.minimized = true;
    created[0]!.calls = [];
    expect(presenter.present()).toBe(created[0]);
    expect(created[0]!.calls).toEqual(['restore', 'show', 'focus']);
    expect(created).toHaveLength(1);
  });

  it('creates a new window once the old one is gone, again shown only when painted', () => {
    const { presenter, created } = setup();
    presenter.present();
    created[0]!.paints();
    created[0]!.destroyed = true;
    expect(presenter.current()).toBeNull();
    presenter.present();
    expect(created).toHaveLength(2);
    expect(created[1]!.visible).toBe(false);
    created[1]!.paints();
    expect(created[1]!.visible).toBe(true);
  });

  it('reveals a window whose page never painted, so a load failure is not an invisible app', () => {
    const { presenter, created } = setup();
    presenter.present();
    presenter.reveal();
    expect(created[0]!.visible).toBe(true);
    created[0]!.calls = [];
    presenter.present();
    expect(created[0]!.calls).toEqual(['show', 'focus']);
  });
});
