import { describe, expect, it } from 'vitest';
import { followShellNavigation } from '../../../renderer/features/navigation/shellEvents';
import { useNavigationStore } from '../../../renderer/features/navigation/store';
import { typedApi, type VexaBridge } from '../../../shared/ipc/bridge';
import { err } from '../../../shared/ipc/result';

describe('the app menu’s Settings…', () => {
  it('shows the Settings screen when the desktop shell sends ui:navigate, and nothing else moves it', () => {
    const listeners = new Set<(event: string, payload: unknown) => void>();
    const push = (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload));
    const bridge: VexaBridge = {
      invoke: async () => err('internal', 'not in this test'),
      onEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const stop = followShellNavigation(typedApi(bridge));
    expect(useNavigationStore.getState().screen).toBe('launch');
    push('ui:focusMeeting', { meetingId: 1 });
    expect(useNavigationStore.getState().screen).toBe('launch');
    push('ui:navigate', { screen: 'settings' });
    expect(useNavigationStore.getState().screen).toBe('settings');
    stop();
    expect(listeners.size).toBe(0);
  });
});
