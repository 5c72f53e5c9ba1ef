import { describe, expect, it } from 'vitest';
import { describeKeyAccess, keyAccess, maskTokenValue, scopeFromKey } from '../../../shared/vexa';

describe('key scopes', () => {
  it('reads the scope a G3 key names in its prefix (token_scope.py: vxa_<scope>_<32 alphanumerics>)', () => {
    expect(scopeFromKey('vxa_bot_AbCdEfGhIjKlMnOpQrStUvWxYz012345')).toBe('bot');
    expect(scopeFromKey(' vxa_tx_AbCdEfGhIjKlMnOpQrStUvWxYz012345 ')).toBe('tx');
    expect(scopeFromKey('vxa_browser_AbCdEfGhIjKlMnOpQrStUvWxYz012345')).toBe('browser');
    // G1 keys and anything else carry no scope.
    expect(scopeFromKey('AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd')).toBeNull();
    expect(scopeFromKey('vxa_admin_AbCd')).toBeNull();
    expect(scopeFromKey('vxa_bot_')).toBeNull();
  });

  it('tells what a key unlocks: bot sends bots, tx reads, either manages the webhook; unscoped keys everything', () => {
    expect(keyAccess(['bot'])).toEqual({ bots: true, transcripts: false, browser: false, settings: true });
    expect(keyAccess(['tx'])).toEqual({ bots: false, transcripts: true, browser: false, settings: true });
    expect(keyAccess(['browser'])).toEqual({ bots: false, transcripts: false, browser: true, settings: false });
    expect(keyAccess(null)).toEqual({ bots: true, transcripts: true, browser: true, settings: true });
    expect(describeKeyAccess(['tx'])).toMatch(/cannot send or stop bots \(it lacks the "bot" scope\)/);
    expect(describeKeyAccess(['bot', 'tx'])).toBe('This key can send bots and read meetings and transcripts.');
  });

  it('masks a token to its prefix and last four characters, never more of the secret', () => {
    expect(maskTokenValue('vxa_bot_AbCdEfGhIjKlMnOpQrStUvWxYz01x7Qa')).toBe('vxa_bot_…x7Qa');
    expect(maskTokenValue('AbCdEfGhIjKlMnOpQrStUvWxYz0123456789wXyZ')).toBe('…wXyZ');
    // Too short to hide anything by showing four: show none.
    expect(maskTokenValue('short123')).toBe('…');
  });
});
