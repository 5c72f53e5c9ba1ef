import { useLayoutEffect, type RefObject } from 'react';

/**
 * Something floating at the bottom of the window (a toast, the caption panel) takes its strip from
 * the layout instead of lying over it: while `active`, the CSS variable `name` on the root holds the
 * height from its top edge to the window's bottom, and the shell and dialogs end above it (app.css,
 * dialog.css). Measured again when it or the window changes size; cleared when it goes.
 */
export function useReservedStrip(
  ref: RefObject<HTMLElement | null>,
  name: `--${string}`,
  active: boolean,
  deps: readonly unknown[] = [],
): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    const root = document.documentElement;
    const reserve = () => root.style.setProperty(name, `${Math.max(0, Math.ceil(window.innerHeight - el.getBoundingClientRect().top))}px`);
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(el);
    window.addEventListener('resize', reserve);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', reserve);
      root.style.removeProperty(name);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what moves the element
  }, [ref, name, active, ...deps]);
}
