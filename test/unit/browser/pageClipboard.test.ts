import { describe, expect, it } from 'vitest';
import { createPageClipboard, NO_PAGE_MESSAGE } from '../../../electron/harness/pageClipboard';
import {
  NO_CLIPBOARD_API,
  NOT_IN_FRONT,
  readBrowserClipboard,
  WRITE_REFUSED,
  writeBrowserClipboard,
} from '../../../renderer/platform/browserClipboard';

describe('the browser version copies to the browser, not to the Node process', () => {
  it('says "copied" only once a page wrote it, and any one of several tabs is enough', async () => {
    const clipboard = createPageClipboard();
    const frames: Array<{ id: number; text: string }> = [];
    clipboard.attach((frame) => (frames.push(frame.clipboardWrite), 2));
    let done = false;
    const write = clipboard.port.writeText('MEETING TRANSCRIPT').then(() => (done = true));
    expect(frames).toEqual([{ id: 1, text: 'MEETING TRANSCRIPT' }]);
    clipboard.answer({ id: 1, ok: false, message: 'not in front' });
    await Promise.resolve();
    expect(done).toBe(false);
    clipboard.answer({ id: 1, ok: true });
    await write;
    expect(done).toBe(true);
    // The Node process keeps nothing to read back: reading is the page's business.
    expect(await clipboard.port.readText()).toBe('');
  });

  it("fails with the page's words when every tab refused, and says so when no tab is open", async () => {
    const clipboard = createPageClipboard();
    clipboard.attach(() => 1);
    const refused = clipboard.port.writeText('x');
    clipboard.answer({ id: 1, ok: false, message: NOT_IN_FRONT });
    await expect(refused).rejects.toMatchObject({ code: 'clipboard', message: NOT_IN_FRONT });
    clipboard.attach(() => 0);
    await expect(clipboard.port.writeText('x')).rejects.toMatchObject({ message: NO_PAGE_MESSAGE });
  });

  it('fails when no tab answers in time', async () => {
    const clipboard = createPageClipboard({ timeoutMs: 5 });
    clipboard.attach(() => 1);
    await expect(clipboard.port.writeText('x')).rejects.toMatchObject({ code: 'clipboard', message: /did not answer/ });
  });
});

describe("the page's clipboard", () => {
  const refusing = { name: 'NotAllowedError' };
  it('writes and reads through navigator.clipboard', async () => {
    let held = '';
    const env = {
      clipboard: { writeText: async (t: string) => void (held = t), readText: async () => held },
      hasFocus: () => true,
    };
    expect(await writeBrowserClipboard(env, 'https://meet.google.com/abc-defg-hij')).toEqual({ ok: true, value: null });
    expect(await readBrowserClipboard(env)).toEqual({ ok: true, value: 'https://meet.google.com/abc-defg-hij' });
  });

  it('says what to do when the browser refuses: a background tab, a refusal, no clipboard at all', async () => {
    const refuse = { writeText: () => Promise.reject(refusing), readText: () => Promise.reject(refusing) };
    expect(await writeBrowserClipboard({ clipboard: refuse, hasFocus: () => false }, 'x')).toEqual({ ok: false, message: NOT_IN_FRONT });
    expect(await writeBrowserClipboard({ clipboard: refuse, hasFocus: () => true }, 'x')).toEqual({ ok: false, message: WRITE_REFUSED });
    expect(await readBrowserClipboard({ clipboard: refuse, hasFocus: () => true })).toMatchObject({ ok: false, message: /paste the link/ });
    expect(await writeBrowserClipboard({ clipboard: undefined, hasFocus: () => true }, 'x')).toEqual({
      ok: false,
      message: NO_CLIPBOARD_API,
    });
  });
});
