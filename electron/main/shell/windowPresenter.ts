/** The part of Electron's BrowserWindow that showing it needs; index.ts passes real windows. */
export interface PresentableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export interface WindowPresenter<W extends PresentableWindow> {
  /**
   * Opens the window. A new one appears once its page has painted; an existing one is restored
   * if minimised and brought to the front.
   */
  present(): W;
  /** Shows the window now even if its page never painted (a page that failed to load, for one). */
  reveal(): void;
  /** The open window, or null. */
  current(): W | null;
}

/**
 * Electron's `ready-to-show` is the documented way to open a window without a blank frame
 * (docs/api/browser-window.md, "Showing the window gracefully"), but it only helps if nothing
 * calls `show()` before it fires: a request to show the window while its first page is still
 * loading waits for that event instead of showing a white rectangle.
 */
export function createWindowPresenter<W extends PresentableWindow>({ create }: { create(): W }): WindowPresenter<W> {
  let win: W | null = null;
  let painted = false;
  const alive = (): W | null => (win && !win.isDestroyed() ? win : null);

  const bringToFront = (w: W): void => {
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  };

  return {
    present() {
      const existing = alive();
      if (existing) {
        if (painted) bringToFront(existing);
        return existing;
      }
      const created = create();
      win = created;
      painted = false;
      created.once('ready-to-show', () => {
        if (win !== created || created.isDestroyed()) return;
        painted = true;
        bringToFront(created);
      });
      return created;
    },
    reveal() {
      const w = alive();
      if (!w) return;
      painted = true;
      bringToFront(w);
    },
    current: alive,
  };
}
