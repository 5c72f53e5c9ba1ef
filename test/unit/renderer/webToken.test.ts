import { describe, expect, it } from 'vitest';
import {
  harnessSocketUrl,
  hashWithoutToken,
  takeHarnessToken,
  tokenFromHash,
  TOKEN_STORAGE_KEY,
} from '../../../renderer/platform/webToken';

function env(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    storage,
    replaced,
    env: {
      location: { hash, pathname: '/', search: '' },
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      replaceUrl: (url: string) => void replaced.push(url),
    },
  };
}

describe('harness token', () => {
  it('reads the token from the fragment, keeps it for reloads and hides it from the address', () => {
    const t = env('#token=abc_DEF-123');
    expect(takeHarnessToken(t.env)).toBe('abc_DEF-123');
    expect(t.storage.get(TOKEN_STORAGE_KEY)).toBe('abc_DEF-123');
    expect(t.replaced).toEqual(['/']);
  });

  it('falls back to the token this tab saw before, after a reload', () => {
    const t = env('', { [TOKEN_STORAGE_KEY]: 'saved' });
    expect(takeHarnessToken(t.env)).toBe('saved');
    expect(t.replaced).toEqual([]);
  });

  it('prefers a fresh token in the address over a stored one', () => {
    const t = env('#token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeHarnessToken(t.env)).toBe('new');
  });

  it('has no token when neither the address nor the tab has one', () => {
    expect(takeHarnessToken(env('#other=1').env)).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });

  it('keeps other fragment parameters when removing the token', () => {
    expect(hashWithoutToken('#token=a&view=live')).toBe('#view=live');
    expect(hashWithoutToken('#token=a')).toBe('');
  });

  it('builds the socket address on the page host, with the token encoded', () => {
    expect(harnessSocketUrl('127.0.0.1:5000', 'a+b/c')).toBe('ws://127.0.0.1:5000/ipc?token=a%2Bb%2Fc&state=push');
  });
});
