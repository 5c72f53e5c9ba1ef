import { describe, expect, it } from 'vitest';
import { clipboardReadPermission, meetingLinkOnClipboard } from '../../../renderer/features/launch/browserPaste';

describe('the meeting link from the browser clipboard', () => {
  it('takes a meeting link and leaves anything else alone, a key included', () => {
    expect(meetingLinkOnClipboard('  https://meet.google.com/abc-defg-hij \n')).toBe('https://meet.google.com/abc-defg-hij');
    expect(meetingLinkOnClipboard('vxa_tx_secret_key_value')).toBeNull();
    expect(meetingLinkOnClipboard('')).toBeNull();
  });

  it('reads the permission without asking, and treats a browser that does not know the name as unknown', async () => {
    expect(await clipboardReadPermission({ query: async () => ({ state: 'granted' }) })).toBe('granted');
    expect(await clipboardReadPermission({ query: () => Promise.reject(new TypeError('clipboard-read')) })).toBe('unknown');
    expect(await clipboardReadPermission(undefined)).toBe('unknown');
  });
});
