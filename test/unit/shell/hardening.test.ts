import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenWebContents } from '../../../electron/main/shell/hardening';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.openHandler = h;
  }
}

function fakeEvent(url = '') {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function setup() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const blocked: string[] = [];
  hardenWebContents(contents as never, {
    appOrigin: APP_ORIGIN,
    openExternal: (url) => opened.push(url),
    onBlocked: (what, url) => blocked.push(`${what} ${url}`),
  });
  return { contents, opened, blocked };
}

describe('web contents hardening', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: stays on the app, refuses anything else', (name) => {
    const { contents, opened, blocked } = setup();
    const inside = fakeEvent('app://companion/index.html');
    contents.emit(name, inside);
    expect(inside.prevented).toBe(false);
    const outside = fakeEvent('file:///etc/passwd');
    contents.emit(name, outside);
    expect(outside.prevented).toBe(true);
    expect(blocked).toEqual(['navigation file:///etc/passwd']);
    expect(opened).toEqual([]);
  });

  it('sends a followed web link to the system browser instead of loading it in the window', () => {
    const { contents, opened } = setup();
    const link = fakeEvent('https://vexa.ai/docs');
    contents.emit('will-navigate', link);
    expect(link.prevented).toBe(true);
    expect(opened).toEqual(['https://vexa.ai/docs']);
  });

  it('never follows a redirect out of the app, not even to the system browser', () => {
    const { contents, opened, blocked } = setup();
    const redirect = fakeEvent('https://evil.example/phish');
    contents.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    expect(opened).toEqual([]);
    expect(blocked).toEqual(['navigation https://evil.example/phish']);
  });

  it('never opens a window; web links go to the system browser, others are dropped', () => {
    const { contents, opened, blocked } = setup();
    expect(contents.openHandler?.({ url: 'https://vexa.ai/docs' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://companion/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://vexa.ai/docs']);
    expect(blocked).toEqual(['window file:///etc/passwd', 'window app://companion/index.html']);
  });

  it('refuses every webview', () => {
    const { contents } = setup();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });
});
