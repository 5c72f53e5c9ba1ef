/**
 * The window's route, read once from the address fragment. The main window has none; the
 * desktop app's caption overlay window opens `#/overlay/<meetingId>` and shows only the overlay.
 */
export function overlayRoute(hash: string): number | null {
  const match = /^#\/overlay\/(\d{1,15})(?:$|[/?&])/.exec(hash);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : null;
}
