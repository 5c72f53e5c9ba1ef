import { useLayoutEffect, useRef } from 'react';
import { CheckIcon, CrossIcon, ErrorIcon, InfoIcon } from '../../app/theme/icons';
import { useReservedStrip } from '../../app/reservedStrip';
import { useExportStore } from './store';

const toneIcon = { success: CheckIcon, info: InfoIcon, error: ErrorIcon } as const;

// Long enough to read a file path or the paste hint; errors stay until read a little longer.
const VISIBLE_MS = { success: 5_000, info: 8_000, error: 10_000 } as const;

/**
 * A short confirmation at the bottom of the window, beneath the screen rather than over it. It is a
 * manual popover so it shows above an open modal dialog too; screen readers hear it through the
 * app's live region (see `notify`).
 */
export function Toast() {
  const toast = useExportStore((s) => s.toast);
  const hide = useExportStore((s) => s.hideToast);
  const ref = useRef<HTMLDivElement>(null);

  // Shown before the browser paints, then its strip is reserved (so it never lies over a line of
  // text or a button).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !toast) return;
    // Shown again for each toast, so it is stacked above whatever opened since.
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
    const timer = window.setTimeout(() => hide(toast.id), VISIBLE_MS[toast.tone]);
    return () => window.clearTimeout(timer);
  }, [toast, hide]);
  useReservedStrip(ref, '--toast-space', toast !== null, [toast]);

  if (!toast) return null;
  const Icon = toneIcon[toast.tone];
  return (
    <div ref={ref} popover="manual" className="toast" data-tone={toast.tone} data-testid="toast">
      <Icon size={16} />
      <span className="toast-text break">{toast.text}</span>
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => hide(toast.id)}>
        <CrossIcon size={14} />
      </button>
    </div>
  );
}
