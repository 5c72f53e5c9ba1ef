import { describe, expect, it } from 'vitest';
import {
  adminKeyErrorField,
  createDebounce,
  describeScopes,
  revokeTitle,
  revokeWarning,
  tokenLabel,
  userLabel,
  validateUserForm,
  webhookUrlError,
} from '../../../renderer/features/admin/describe';
import { visibleScreens } from '../../../renderer/features/navigation/store';
import { adminAvailable } from '../../../renderer/features/admin/store';
import { deliveryOutcome, webhookErrorField } from '../../../renderer/features/webhooks/describe';

describe('a new user’s details', () => {
  it('asks for an email that looks like one, and a whole number of bots', () => {
    expect(validateUserForm({ email: '', name: '', maxBots: '' })).toEqual({ email: 'Enter the person’s email address.' });
    expect(validateUserForm({ email: 'ana.example.com', name: '', maxBots: '' }).email).toMatch(/does not look like an email address/);
    expect(validateUserForm({ email: ' ana@example.com ', name: 'Ana', maxBots: '' })).toEqual({});
    expect(validateUserForm({ email: 'ana@example.com', name: '', maxBots: '2.5' }).maxBots).toMatch(/whole number from 0 to 1000/);
    expect(validateUserForm({ email: 'ana@example.com', name: '', maxBots: '-1' }).maxBots).toBeDefined();
    expect(validateUserForm({ email: 'ana@example.com', name: '', maxBots: '0' })).toEqual({});
  });

  it('does not ask for the email when editing (the server will not change it)', () => {
    expect(validateUserForm({ email: '', name: 'Ana', maxBots: '4' }, { emailRequired: false })).toEqual({});
  });
});

describe('tokens and users in words', () => {
  const token = { id: '17', name: null, masked: 'vxa_bot_…9f2c' };

  it('names a token by its name, else its masked value, else its number', () => {
    expect(tokenLabel({ ...token, name: 'Laptop' })).toBe('“Laptop”');
    expect(tokenLabel(token)).toBe('vxa_bot_…9f2c');
    expect(tokenLabel({ ...token, masked: null })).toBe('token #17');
  });

  it('the revoke confirmation names the token and the user and says it cannot be undone', () => {
    expect(revokeTitle(token)).toBe('Revoke vxa_bot_…9f2c?');
    const warning = revokeWarning('ana@example.com');
    expect(warning).toContain('ana@example.com');
    expect(warning).toContain('cannot be undone');
  });

  it('names a user by name, else email, else number', () => {
    expect(userLabel({ id: '3', email: 'a@b.co', name: ' Ana ' })).toBe('Ana');
    expect(userLabel({ id: '3', email: 'a@b.co', name: '' })).toBe('a@b.co');
    expect(userLabel({ id: '3', email: null, name: null })).toBe('User #3');
  });
});

describe('a key’s scopes', () => {
  it('says what each scope unlocks, and names an unknown one as sent', () => {
    expect(describeScopes(['bot', 'tx', 'agent']).map((l) => l.name)).toEqual(['Bots', 'Transcripts', 'agent']);
  });
});

describe('the admin key form', () => {
  it('shows a refused key next to the key, and an unreachable admin address next to the address', () => {
    expect(adminKeyErrorField('unauthorized', true)).toBe('key');
    expect(adminKeyErrorField('admin_unauthorized', false)).toBe('key');
    expect(adminKeyErrorField('unreachable', true)).toBe('url');
    expect(adminKeyErrorField('admin_url_needed', true)).toBe('url');
    expect(adminKeyErrorField('no_admin_api', true)).toBe('url');
    // Without an address field, a reachability problem is said for the whole form.
    expect(adminKeyErrorField('unreachable', false)).toBe('form');
    expect(adminKeyErrorField('internal', true)).toBe('form');
  });
});

describe('the Admin place in the navigation', () => {
  const status = {
    connected: true,
    generation: 'g2' as const,
    keyStored: true,
    keyStorage: 'keychain' as const,
    adminUrl: null,
    adminUrlNeeded: false,
    adminUrlHint: null,
    offers: { listUsers: true, findByEmail: true, updatableFields: [], tokenScopes: true, webhookDeliveries: false },
    notes: [],
  };

  it('appears only while an admin key is stored for the connected server, after the other screens', () => {
    expect(visibleScreens(adminAvailable(status))).toEqual(['launch', 'live', 'library', 'settings', 'admin']);
    expect(visibleScreens(adminAvailable({ ...status, keyStored: false }))).toEqual(['launch', 'live', 'library', 'settings']);
    expect(visibleScreens(adminAvailable({ ...status, connected: false }))).not.toContain('admin');
    expect(visibleScreens(adminAvailable(null))).not.toContain('admin');
  });
});

describe('the filter debounce', () => {
  it('asks once typing pauses, with the last text', () => {
    const timers: Array<{ fn: () => void; cancelled: boolean }> = [];
    const debounce = createDebounce((fn) => {
      const timer = { fn, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    }, 250);
    const asked: string[] = [];
    for (const text of ['a', 'an', 'ana']) debounce.run(() => asked.push(text));
    for (const t of timers) if (!t.cancelled) t.fn();
    expect(asked).toEqual(['ana']);
  });
});

describe('webhooks', () => {
  it('checks the address before sending it', () => {
    expect(webhookUrlError('')).toMatch(/Enter the address/);
    expect(webhookUrlError('hooks.example.com')).toMatch(/not a web address/);
    expect(webhookUrlError('ftp://hooks.example.com')).toMatch(/must start with https:\/\//);
    expect(webhookUrlError(' https://hooks.example.com/vexa ')).toBeNull();
  });

  it('tells a delivery’s outcome with the receiver’s status', () => {
    expect(deliveryOutcome({ ok: true, status: 200, error: null })).toEqual({ label: 'Delivered (200)', tone: 'success' });
    expect(deliveryOutcome({ ok: false, status: 500, error: null })).toEqual({ label: 'Failed (500)', tone: 'danger' });
    expect(deliveryOutcome({ ok: null, status: null, error: 'connection refused' })).toEqual({ label: 'Failed', tone: 'danger' });
    expect(deliveryOutcome({ ok: null, status: null, error: null })).toEqual({ label: 'Pending', tone: 'neutral' });
  });

  it('says an address the server will not call at the address field, anything else above the buttons', () => {
    expect(webhookErrorField('webhook_refused')).toBe('url');
    for (const code of ['unsupported', 'not_connected', 'server_error', 'validation']) expect(webhookErrorField(code), code).toBe('form');
  });
});
