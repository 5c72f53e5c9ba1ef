import { describe, expect, it } from 'vitest';
import { decidePermission, installSessionPolicy } from '../../../electron/main/shell/permissions';
import { APP_ORIGIN } from '../../../electron/main/shell/navigation';

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
    setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
    setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
    webRequest: { onBeforeRequest: (h: Handler) => (handlers.beforeRequest = h) },
  };
  return { session: session as never, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

const PERMISSIONS = [
  'media',
  'notifications',
  'geolocation',
  'clipboard-read',
  'clipboard-sanitized-write',
  'openExternal',
  'display-capture',
  'fullscreen',
  'unknown',
];

describe('permission policy', () => {
  it('denies every permission, even to the app itself', () => {
    for (const p of PERMISSIONS) expect(decidePermission(p, `${APP_ORIGIN}/index.html`)).toBe(false);
  });

  it('answers requests, checks and device requests with a denial', () => {
    const { session, handlers } = fakeSession();
    const denied: string[] = [];
    installSessionPolicy(session, { appOrigin: APP_ORIGIN, onDenied: (_what, detail) => denied.push(detail) });
    for (const p of PERMISSIONS) {
      let granted: boolean | undefined;
      handlers.request?.({}, p, (g: boolean) => (granted = g), { requestingUrl: `${APP_ORIGIN}/` });
      expect(granted).toBe(false);
      expect(handlers.check?.({}, p, APP_ORIGIN, {})).toBe(false);
    }
    expect(handlers.device?.({})).toBe(false);
    expect(denied).toEqual(PERMISSIONS);
  });

  it('cancels every renderer request that is not the app itself', () => {
    const { session, handlers } = fakeSession();
    installSessionPolicy(session, { appOrigin: APP_ORIGIN });
    const cancel = (url: string): unknown => {
      let answer: unknown;
      handlers.beforeRequest?.({ url }, (r: { cancel: boolean }) => (answer = r.cancel));
      return answer;
    };
    expect(cancel('app://companion/assets/index.js')).toBe(false);
    expect(cancel('https://api.cloud.vexa.ai/bots')).toBe(true);
    expect(cancel('wss://api.cloud.vexa.ai/ws')).toBe(true);
    expect(cancel('file:///etc/hosts')).toBe(true);
  });
});
