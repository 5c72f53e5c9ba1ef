import { fieldForError } from '../connection/describe';

/**
 * Words and checks for the admin console, the account card and webhooks: pure, so they are
 * unit-tested (test/unit/renderer/admin.test.ts).
 */

/** G3 key scopes (`vxa_<scope>_…`) and what each unlocks in this app. */
export const scopeDescriptions: Record<string, { name: string; unlocks: string }> = {
  bot: { name: 'Bots', unlocks: 'Send bots to meetings, stop them and see which are running' },
  tx: { name: 'Transcripts', unlocks: 'Read meetings and transcripts: the library, live captions, search and export' },
  browser: { name: 'Browser sessions', unlocks: 'Browser sessions (this app does not use them)' },
};

export interface ScopeLine {
  scope: string;
  name: string;
  unlocks: string;
}

/** One line per scope the key has; an unknown scope is named as the server sent it. */
export function describeScopes(scopes: readonly string[]): ScopeLine[] {
  return scopes.map((scope) => {
    const known = scopeDescriptions[scope];
    return known ? { scope, ...known } : { scope, name: scope, unlocks: 'A scope this app does not know' };
  });
}

// A pragmatic check: one @, something on each side, a dot in the domain. The server decides the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const looksLikeEmail = (text: string): boolean => EMAIL.test(text.trim());

export const BOT_LIMIT_MAX = 1000;

export interface UserForm {
  email: string;
  name: string;
  /** Typed text; empty means the server's default. */
  maxBots: string;
}

export type UserFormErrors = Partial<Record<keyof UserForm, string>>;

/** What is wrong with a new user's details, field by field, before anything is sent. */
export function validateUserForm(form: UserForm, { emailRequired = true } = {}): UserFormErrors {
  const errors: UserFormErrors = {};
  const email = form.email.trim();
  if (emailRequired) {
    if (!email) errors.email = 'Enter the person’s email address.';
    else if (!EMAIL.test(email)) errors.email = 'This does not look like an email address. Check it for typos, e.g. name@example.com.';
    else if (email.length > 254) errors.email = 'An email address can be 254 characters at most.';
  }
  if (form.name.trim().length > 200) errors.name = 'Keep the name under 200 characters.';
  const bots = form.maxBots.trim();
  if (bots && (!/^\d+$/.test(bots) || Number(bots) > BOT_LIMIT_MAX)) {
    errors.maxBots = `Enter a whole number from 0 to ${BOT_LIMIT_MAX}, or leave it empty for the server’s default.`;
  }
  return errors;
}

export function parseBotLimit(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed ? Number(trimmed) : undefined;
}

/**
 * A token as a person can tell it apart without its secret: the masked value when the server
 * gives it (G1/G2 list them), else its name or number.
 */
export function tokenLabel(token: { id: string; name: string | null; masked: string | null }): string {
  if (token.name) return `“${token.name}”`;
  if (token.masked) return token.masked;
  return `token #${token.id}`;
}

export function revokeTitle(token: { id: string; name: string | null; masked: string | null }): string {
  return `Revoke ${tokenLabel(token)}?`;
}

export function revokeWarning(userLabel: string): string {
  return `Anything that uses this key for ${userLabel} stops working at once: the app, scripts and integrations. Revoking cannot be undone; you can create a new token afterwards.`;
}

/** Who a user is, in a few words: the name, else the email, else the number. */
export function userLabel(user: { id: string; email: string | null; name: string | null }): string {
  return user.name?.trim() || user.email || `User #${user.id}`;
}

/** A debounce for typed filters, with its clock as a port so it is tested without waiting. */
export function createDebounce(
  schedule: (fn: () => void, ms: number) => () => void,
  ms: number,
): { run(fn: () => void): void; cancel(): void } {
  let cancel: (() => void) | null = null;
  return {
    run(fn) {
      cancel?.();
      cancel = schedule(() => {
        cancel = null;
        fn();
      }, ms);
    },
    cancel() {
      cancel?.();
      cancel = null;
    },
  };
}

/** Webhook URL check before it is sent: the server only calls http(s) addresses. */
export function webhookUrlError(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return 'Enter the address the server should call, e.g. https://hooks.example.com/vexa.';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'This is not a web address. It should start with https://.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return 'The address must start with https:// (or http:// on your own network).';
  return null;
}

/** Which field of the admin key form a refusal concerns, so its sentence shows next to it. */
export function adminKeyErrorField(code: string, addressAsked: boolean): 'key' | 'url' | 'form' {
  if (/unauthori[sz]ed|forbidden|admin_key/.test(code)) return 'key';
  const field = fieldForError(code);
  if (field === 'url' || /admin_url|no_admin_api/.test(code)) return addressAsked ? 'url' : 'form';
  return field === 'apiKey' ? 'key' : 'form';
}
