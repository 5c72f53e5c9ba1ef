import type { TrayState } from '../../core/ports';
import { encodePng, rasterize, type RgbaImage } from './png';

type Rgba = readonly [number, number, number, number];

export const TRAY_COLORS: Record<TrayState, Rgba> = {
  idle: [0x8a, 0x8f, 0x98, 1],
  active: [0x4f, 0x4f, 0xd1, 1],
  attention: [0xf5, 0x9e, 0x0b, 1],
};

// macOS menu-bar "template" images are black plus alpha and the system tints them; the
// attention state stays in colour on purpose so a bot waiting in the lobby stands out.
const TEMPLATE_INK: Rgba = [0, 0, 0, 1];

/**
 * The shape carries the state too (ring = idle, disc = a bot is working, bullseye = a bot needs
 * you), so the icon still reads in monochrome menu bars and for colour-blind users.
 */
function shapeAt(state: TrayState, x: number, y: number): boolean {
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (state === 'idle') return d <= 0.42 && d >= 0.28;
  if (state === 'active') return d <= 0.42;
  return d <= 0.16 || (d <= 0.46 && d >= 0.32);
}

export interface TrayIconOptions {
  /** Pixel size; 32 covers 16 pt at 2x on macOS and is downscaled cleanly elsewhere. */
  size?: number;
  template?: boolean;
}

export function isTemplateIcon(state: TrayState, isMac: boolean): boolean {
  return isMac && state !== 'attention';
}

export function trayIconImage(state: TrayState, { size = 32, template = false }: TrayIconOptions = {}): RgbaImage {
  const color = template ? TEMPLATE_INK : TRAY_COLORS[state];
  return rasterize(size, (x, y) => (shapeAt(state, x, y) ? color : null));
}

export function trayIconPng(state: TrayState, options?: TrayIconOptions): Buffer {
  return encodePng(trayIconImage(state, options));
}
