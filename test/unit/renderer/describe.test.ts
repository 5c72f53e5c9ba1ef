import { describe, expect, it } from 'vitest';
import type { CapabilitiesView } from '../../../shared/ipc/models';
import {
  connectionBadgeText,
  describeCapabilities,
  fieldForError,
  generationLabel,
  keyStorageDescriptions,
  isThisComputer,
  serverUrlWarning,
} from '../../../renderer/features/connection/describe';
import { meetingStatus, meetingTime, meetingTitle, platformLabel } from '../../../renderer/features/library/describe';

const none: CapabilitiesView = {
  authMe: false,
  botConfigUpdate: false,
  publicShareLinks: false,
  shareTokens: false,
  meetingEdit: false,
  pagedMeetings: false,
  meetingById: false,
  transcriptsById: false,
  botsList: false,
  chat: false,
  plannedMeetings: false,
  calendars: false,
  recordings: false,
  participants: false,
};

describe('server descriptions', () => {
  it('names each generation by the API version people know', () => {
    expect(generationLabel('g1')).toBe('v0.9 API');
    expect(generationLabel('g2')).toBe('v0.10 API');
    expect(generationLabel('g3')).toBe('v0.12 API');
    expect(connectionBadgeText({ label: 'Vexa Cloud', generation: 'g3' })).toBe('Vexa Cloud · v0.12 API');
  });

  it('describes capabilities in plain words, missing ones as not on this server version', () => {
    const lines = describeCapabilities({ ...none, chat: true });
    expect(lines.find((l) => l.key === 'botConfigUpdate')?.text).toBe('Live bot settings: not on this server version');
    expect(lines.find((l) => l.key === 'chat')?.text).toBe('Meeting chat on every platform: available');
    expect(lines).toHaveLength(Object.keys(none).length);
  });

  it('warns about plain http addresses only', () => {
    expect(serverUrlWarning('http://192.168.1.5:8056')).toMatch(/unencrypted/);
    // Plain http to this computer never crosses a network.
    expect(serverUrlWarning('  HTTP://localhost')).toBeNull();
    expect(serverUrlWarning('http://127.0.0.1:8056')).toBeNull();
    expect(serverUrlWarning('http://vexa.lan:8056')).toMatch(/unencrypted/);
    expect(serverUrlWarning('https://api.cloud.vexa.ai')).toBeNull();
    expect(serverUrlWarning('')).toBeNull();
  });

  it('puts each error next to the field it concerns', () => {
    expect(fieldForError('unauthorized')).toBe('apiKey');
    expect(fieldForError('missing_scope')).toBe('apiKey');
    for (const code of ['unreachable', 'tls', 'not_vexa', 'invalid_url', 'timeout']) expect(fieldForError(code)).toBe('url');
    expect(fieldForError('validation', 'The request was not valid (url: Too small)')).toBe('url');
    expect(fieldForError('validation', 'The request was not valid (apiKey: Too big)')).toBe('apiKey');
    expect(fieldForError('internal')).toBe('form');
  });

  it('explains every way a key can be kept', () => {
    expect(keyStorageDescriptions.plaintext.detail).toMatch(/Anyone with access to your user account/);
    expect(keyStorageDescriptions.session.title).toBe('This session only');
  });
});

describe('meeting descriptions', () => {
  const base = { id: 7, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', name: null };

  it('titles a meeting by its name, else by platform and id', () => {
    expect(meetingTitle({ ...base, name: 'Weekly sync' })).toBe('Weekly sync');
    expect(meetingTitle(base)).toBe('Google Meet abc-defg-hij');
    expect(meetingTitle({ ...base, name: '  ', nativeMeetingId: null })).toBe('Google Meet #7');
  });

  it('labels platforms and statuses of every generation, and passes unknown ones through', () => {
    expect(platformLabel('teams')).toBe('Microsoft Teams');
    expect(platformLabel('webex')).toBe('webex');
    expect(meetingStatus('awaiting_admission')).toEqual({ label: 'In the lobby', tone: 'warn' });
    expect(meetingStatus('needs_help').label).toBe(meetingStatus('needs_human_help').label);
    expect(meetingStatus('some_new_state')).toEqual({ label: 'some new state', tone: 'neutral' });
  });

  it('dates a meeting by its start, else by when it was requested', () => {
    expect(meetingTime({ startTime: 5, createdAt: 1 })).toBe(5);
    expect(meetingTime({ startTime: null, createdAt: 1 })).toBe(1);
    expect(meetingTime({ startTime: null, createdAt: null })).toBeNull();
  });
});

describe('servers on this computer', () => {
  it('are loopback addresses only, so plain http to them is not flagged above every screen', () => {
    for (const url of ['http://localhost:8056', 'http://127.0.0.1:8056', 'http://127.1.2.3', 'http://[::1]:8056', 'http://vexa.localhost'])
      expect(isThisComputer(url), url).toBe(true);
    for (const url of [
      'http://192.168.1.5:8056',
      'http://gpu-box:8056',
      'http://localhost.example.com',
      'https://api.cloud.vexa.ai',
      'not a url',
    ])
      expect(isThisComputer(url), url).toBe(false);
  });
});
