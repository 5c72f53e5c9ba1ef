import type { Session } from 'electron';
import { isAllowedRendererRequest } from './navigation';

/**
 * The app needs no web permission: notifications, clipboard and files go through the main
 * process; camera, microphone and screen are never used (the Vexa bot does the listening).
 * The decision is a function so the policy is pinned by a test and changed deliberately.
 */
export function decidePermission(_permission: string, _requestingUrl: string): boolean {
  return false;
}

export interface SessionPolicyOptions {
  appOrigin: string;
  onDenied?: (what: 'permission' | 'request', detail: string) => void;
}

/** Deny-by-default permission handlers and a request filter for the renderer's session. */
export function installSessionPolicy(session: Session, { appOrigin, onDenied }: SessionPolicyOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = decidePermission(permission, details.requestingUrl);
    if (!granted) onDenied?.('permission', permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRendererRequest(details.url, appOrigin);
    if (!allowed) onDenied?.('request', details.url);
    callback({ cancel: !allowed });
  });
}
