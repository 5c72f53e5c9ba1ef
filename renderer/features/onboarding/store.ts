import { create } from 'zustand';
import type { ProbeView } from '../../../shared/ipc/models';

export const DEFAULT_SERVER_URL = 'https://api.cloud.vexa.ai';

export type OnboardingTask = 'probe' | 'connect' | 'demo';

export interface OnboardingErrors {
  url?: string;
  apiKey?: string;
  /** Errors that concern neither field (the core, storage, the demo). */
  form?: string;
  demo?: string;
}

/**
 * The onboarding form, except the API key: the key lives only in the form component's state so
 * it is dropped as soon as the form goes away and never sits in a long-lived store.
 */
interface OnboardingStore {
  url: string;
  probe: ProbeView | null;
  busy: OnboardingTask | null;
  errors: OnboardingErrors;
  setUrl(url: string): void;
  setProbe(probe: ProbeView | null): void;
  setBusy(busy: OnboardingTask | null): void;
  setErrors(errors: OnboardingErrors): void;
  reset(): void;
}

export const useOnboardingStore = create<OnboardingStore>()((set) => ({
  url: DEFAULT_SERVER_URL,
  probe: null,
  busy: null,
  errors: {},
  setUrl: (url) => set({ url, probe: null, errors: {} }),
  setProbe: (probe) => set({ probe }),
  setBusy: (busy) => set({ busy }),
  setErrors: (errors) => set({ errors }),
  reset: () => set({ url: DEFAULT_SERVER_URL, probe: null, busy: null, errors: {} }),
}));
