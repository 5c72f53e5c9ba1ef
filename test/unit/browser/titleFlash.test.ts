import { describe, expect, it } from 'vitest';
import { createTitleFlasher, WAITING_TITLE, type FlashPage } from '../../../renderer/platform/titleFlash';

function page(seen: boolean) {
  const ticks: Array<() => void> = [];
  const listeners = new Set<() => void>();
  const p: FlashPage & { seenNow: boolean; tick(): void; look(): void } = {
    title: 'Vexa Companion',
    seenNow: seen,
    seen: () => p.seenNow,
    onMaybeSeen: (l) => (listeners.add(l), () => listeners.delete(l)),
    every: (_ms, fn) => (ticks.push(fn), () => ticks.splice(ticks.indexOf(fn), 1)),
    tick: () => ticks.forEach((t) => t()),
    look() {
      p.seenNow = true;
      listeners.forEach((l) => l());
    },
  };
  return p;
}

describe('the lobby alert in the tab title', () => {
  it('flashes "Bot waiting" in a tab the person is not looking at, until they look', () => {
    const p = page(false);
    const flasher = createTitleFlasher(p);
    flasher.start();
    expect(p.title).toBe(WAITING_TITLE);
    p.tick();
    expect(p.title).toBe('Vexa Companion');
    p.tick();
    expect(p.title).toBe(WAITING_TITLE);
    p.look();
    expect(p.title).toBe('Vexa Companion');
    expect(flasher.flashing).toBe(false);
    p.tick();
    expect(p.title).toBe('Vexa Companion');
  });

  it('leaves the title alone when the tab is in front, and a second alert does not stack', () => {
    const p = page(true);
    createTitleFlasher(p).start();
    expect(p.title).toBe('Vexa Companion');
    const away = page(false);
    const flasher = createTitleFlasher(away);
    flasher.start();
    flasher.start();
    away.look();
    expect(away.title).toBe('Vexa Companion');
  });
});
