import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../../electron/core/ports';
import { encodePng } from '../../../electron/main/shell/png';
import { isTemplateIcon, TRAY_COLORS, trayIconImage, trayIconPng } from '../../../electron/main/shell/trayIcons';
import {
  clipboardCheckPlan,
  createTrayView,
  menuLabel,
  TRAY_QUIT_LABEL,
  TRAY_SHOW_LABEL,
  trayMenuTemplate,
} from '../../../electron/main/shell/trayView';

const pixel = (img: { width: number; data: Uint8Array }, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
];

describe('tray menu', () => {
  it('lists the core items, then Show and Quit', () => {
    const actions = { showWindow: () => {}, quit: () => {} };
    const template = trayMenuTemplate(
      [
        { label: 'Standup — waiting in lobby', onClick: () => {} },
        { label: 'No live meeting', enabled: false },
      ],
      actions,
    );
    expect(template.map((i) => i.label ?? i.type)).toEqual([
      'Standup — waiting in lobby',
      'No live meeting',
      'separator',
      TRAY_SHOW_LABEL,
      TRAY_QUIT_LABEL,
    ]);
    expect(template[1]?.enabled).toBe(false);
    expect(template[3]?.click).toBe(actions.showWindow);
    expect(template[4]?.click).toBe(actions.quit);
    expect(trayMenuTemplate([], actions).map((i) => i.label)).toEqual([TRAY_SHOW_LABEL, TRAY_QUIT_LABEL]);
  });

  it('brings the hidden window to the front before an item that shows a meeting, and only then', () => {
    const log: string[] = [];
    const actions = { showWindow: () => void log.push('show'), quit: () => {} };
    const template = trayMenuTemplate(
      [
        { label: 'Standup: Waiting in the lobby', onClick: () => void log.push('focus meeting'), opensWindow: true },
        { label: 'Send bot to the meeting link in the clipboard', onClick: () => void log.push('send') },
      ],
      actions,
    );
    (template[0]?.click as () => void)();
    expect(log).toEqual(['show', 'focus meeting']);
    log.length = 0;
    (template[1]?.click as () => void)();
    expect(log).toEqual(['send']);
  });

  // Electron drops a single `&` from menu labels and makes the next letter a mnemonic; `&&` shows one
  // `&` (electron/electron#9584, #25028).
  it('shows a meeting name with an ampersand as typed, with no mnemonic', () => {
    const template = trayMenuTemplate([{ label: 'R&D sync — waiting in lobby', onClick: () => {} }, { label: 'Q&A && more' }], {
      showWindow: () => {},
      quit: () => {},
    });
    expect(template[0]?.label).toBe('R&&D sync — waiting in lobby');
    expect(template[1]?.label).toBe('Q&&A &&&& more');
    expect(menuLabel('No ampersand')).toBe('No ampersand');
  });

  it('creates the tray on the first update and then only updates it', () => {
    const log: string[] = [];
    const view = createTrayView<string>({
      createTray: (state) => {
        log.push(`create ${state}`);
        return {
          setState: (s) => log.push(`state ${s}`),
          setToolTip: (t) => log.push(`tip ${t}`),
          setContextMenu: (m) => log.push(`menu ${m}`),
          onClick: () => log.push('click handler'),
          onMouseEnter: () => log.push('hover handler'),
        };
      },
      buildMenu: (template) => template.map((i) => i.label ?? '-').join('|'),
      showWindow: () => {},
      quit: () => {},
      platform: 'win32',
      every: () => () => {},
    });
    view.update('idle', 'Vexa Companion', []);
    view.update('attention', 'A bot is waiting in the lobby', [{ label: 'Open Standup' }]);
    view.update('attention', 'A bot is waiting in the lobby', [{ label: 'Open Standup' }]);
    expect(log).toEqual([
      'create idle',
      'click handler',
      'hover handler',
      'tip Vexa Companion',
      `menu ${TRAY_SHOW_LABEL}|${TRAY_QUIT_LABEL}`,
      'state attention',
      'tip A bot is waiting in the lobby',
      `menu Open Standup|-|${TRAY_SHOW_LABEL}|${TRAY_QUIT_LABEL}`,
      'tip A bot is waiting in the lobby',
      `menu Open Standup|-|${TRAY_SHOW_LABEL}|${TRAY_QUIT_LABEL}`,
    ]);
  });
});

describe('tray quick actions', () => {
  it('draws the core’s separators as menu separators', () => {
    const template = trayMenuTemplate(
      [{ label: 'Send bot to Google Meet · abc-defg-hij' }, { separator: true, label: '' }, { label: 'Standup: Joining' }],
      {
        showWindow: () => {},
        quit: () => {},
      },
    );
    expect(template.map((i) => i.type ?? i.label)).toEqual([
      'Send bot to Google Meet · abc-defg-hij',
      'separator',
      'Standup: Joining',
      'separator',
      TRAY_SHOW_LABEL,
      TRAY_QUIT_LABEL,
    ]);
  });

  // Tray `mouse-enter` is documented for darwin and win32; AppIndicator trays on Linux emit no
  // pointer or click events (Tray docs), so there the clipboard is read at a pace.
  it('asks the core to read the clipboard when the pointer reaches the icon (macOS, Windows) or at a pace (Linux), and at the first draw', () => {
    expect(clipboardCheckPlan('darwin')).toEqual({ onMouseEnter: true, everyMs: null });
    expect(clipboardCheckPlan('win32')).toEqual({ onMouseEnter: true, everyMs: null });
    expect(clipboardCheckPlan('linux')).toEqual({ onMouseEnter: false, everyMs: 3000 });

    for (const platform of ['win32', 'linux'] as const) {
      const reads: string[] = [];
      let hover: (() => void) | null = null;
      let tick: (() => void) | null = null;
      let cancelled = false;
      const view = createTrayView<string>({
        createTray: () => ({
          setState() {},
          setToolTip() {},
          setContextMenu() {},
          onClick() {},
          onMouseEnter: (listener) => void (hover = listener),
        }),
        buildMenu: () => 'menu',
        showWindow: () => {},
        quit: () => {},
        platform,
        every: (ms, fn) => {
          reads.push(`every ${ms}`);
          tick = fn;
          return () => void (cancelled = true);
        },
      });
      view.onWillOpen?.(() => void reads.push('read clipboard'));
      view.update('idle', 'Vexa Companion', []);
      (hover as (() => void) | null)?.();
      (tick as (() => void) | null)?.();
      view.close();
      expect({ platform, reads, cancelled }).toEqual(
        platform === 'win32'
          ? { platform, reads: ['read clipboard', 'read clipboard'], cancelled: false }
          : { platform, reads: ['every 3000', 'read clipboard', 'read clipboard'], cancelled: true },
      );
    }
  });
});

describe('tray icons', () => {
  it('tells the states apart by shape as well as colour', () => {
    const states: TrayState[] = ['idle', 'active', 'attention'];
    const centre = states.map((s) => pixel(trayIconImage(s), 16, 16)[3]);
    const ring = states.map((s) => pixel(trayIconImage(s), 16, 3)[3]);
    expect(centre).toEqual([0, 255, 255]);
    expect(ring).toEqual([255, 255, 255]);
    expect(pixel(trayIconImage('attention'), 16, 8)[3]).toBe(0);
    expect(pixel(trayIconImage('active'), 16, 16).slice(0, 3)).toEqual(TRAY_COLORS.active.slice(0, 3));
  });

  it('uses black template images on macOS except for the attention state', () => {
    expect(isTemplateIcon('idle', true)).toBe(true);
    expect(isTemplateIcon('attention', true)).toBe(false);
    expect(isTemplateIcon('active', false)).toBe(false);
    expect(pixel(trayIconImage('active', { template: true }), 16, 16)).toEqual([0, 0, 0, 255]);
  });

  it('encodes a valid PNG whose pixels survive the round trip', () => {
    const img = trayIconImage('attention', { size: 8 });
    const png = trayIconPng('attention', { size: 8 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(8);
    expect(png.readUInt32BE(20)).toBe(8);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    for (let y = 0; y < 8; y++) {
      expect(raw[y * 33]).toBe(0);
      expect([...raw.subarray(y * 33 + 1, (y + 1) * 33)]).toEqual([...img.data.subarray(y * 32, (y + 1) * 32)]);
    }
    expect(encodePng(img).equals(png)).toBe(true);
  });
});
