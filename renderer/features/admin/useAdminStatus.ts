import { useEffect } from 'react';
import { loadAdminStatus } from './actions';
import { useAdminStore } from './store';

/**
 * Keeps the admin status of the connected server, so the navigation knows whether the Admin place
 * belongs there. It is read whenever the connection comes up (the core answers "not connected"
 * while a server is still being checked at start-up); a server change drops the previous console.
 * Apart from the Admin screen, which loads only when opened.
 */
export function useAdminStatus(serverId: string | null, connected: boolean): void {
  useEffect(() => {
    useAdminStore.getState().reset();
  }, [serverId]);
  useEffect(() => {
    if (serverId !== null && connected) void loadAdminStatus();
  }, [serverId, connected]);
}
