import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_FORM, type MeetingRef } from '../../../renderer/features/export/describe';
import { useExportStore } from '../../../renderer/features/export/store';

const ref: MeetingRef = { meetingId: 1, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij' };
const store = () => useExportStore.getState();

beforeEach(() => useExportStore.setState({ dialog: null, toast: null, lastForm: DEFAULT_EXPORT_FORM }));

describe('export dialogs and toasts', () => {
  it('shows one dialog at a time', () => {
    store().open('export', ref, 'Standup');
    store().open('share', ref, 'Standup');
    expect(store().dialog).toEqual({ kind: 'share', ref, title: 'Standup' });
    store().close();
    expect(store().dialog).toBeNull();
  });

  it('shows the newest toast, and the timer of an older one does not hide it', () => {
    const first = store().showToast('Copied the transcript as text');
    const second = store().showToast('Copied the transcript as text');
    expect(second).not.toBe(first);
    store().hideToast(first);
    expect(store().toast).toMatchObject({ id: second, tone: 'success' });
    store().hideToast(second);
    expect(store().toast).toBeNull();
  });

  it('clears an earlier toast when a dialog opens over it', () => {
    store().showToast('Opened ChatGPT with a link to the transcript');
    store().open('export', ref, 'Standup');
    expect(store().toast).toBeNull();
  });

  it('starts the next export with the last format and switches, but not the last time range', () => {
    store().rememberForm({ ...DEFAULT_EXPORT_FORM, format: 'pdf', speakers: false, from: '1:00', to: '2:00' });
    expect(store().lastForm).toEqual({ ...DEFAULT_EXPORT_FORM, format: 'pdf', speakers: false });
  });
});
