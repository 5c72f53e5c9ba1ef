import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/settings';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'vexa-settings-')), 'settings.json');

describe('settings: closing the window and one-time explanations', () => {
  it('keeps the app in the tray by default, and remembers turning it off across restarts', () => {
    const file = fresh();
    expect(new SettingsStore(file).settings.closeToTray).toBe(true);
    new SettingsStore(file).update({ closeToTray: false });
    expect(new SettingsStore(file).settings.closeToTray).toBe(false);
  });

  it('a settings file from before the setting existed reads as on', () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ settings: { theme: 'dark' }, activeServerId: null }));
    expect(new SettingsStore(file).settings).toMatchObject({ theme: 'dark', closeToTray: true });
  });

  it('remembers an explanation once given, outside the settings the window shows', () => {
    const file = fresh();
    const store = new SettingsStore(file);
    expect(store.noticeSeen('close-to-tray')).toBe(false);
    store.markNoticeSeen('close-to-tray');
    store.markNoticeSeen('close-to-tray');
    const again = new SettingsStore(file);
    expect(again.noticeSeen('close-to-tray')).toBe(true);
    expect(again.noticeSeen('something-else')).toBe(false);
    expect(Object.keys(again.settings)).not.toContain('noticesSeen');
    expect(JSON.parse(readFileSync(file, 'utf8')).noticesSeen).toEqual(['close-to-tray']);
  });
});

describe('settings written by the one-server release', () => {
  it('make its server the one connected and current server, keep every setting, and save the new layout only', () => {
    const file = fresh();
    writeFileSync(
      file,
      JSON.stringify({
        settings: { theme: 'dark', doNotDisturb: true },
        activeServerId: 'https://vexa.example',
        noticesSeen: ['close-to-tray'],
      }),
    );
    const store = new SettingsStore(file);
    expect(store.connectedServers).toEqual(['https://vexa.example']);
    expect(store.currentServerId).toBe('https://vexa.example');
    expect(store.settings).toMatchObject({ theme: 'dark', doNotDisturb: true });
    expect(store.noticeSeen('close-to-tray')).toBe(true);

    store.update({ closeToTray: false });
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(written).not.toHaveProperty('activeServerId');
    expect(written).toMatchObject({ connectedServers: ['https://vexa.example'], currentServerId: 'https://vexa.example' });
    expect(new SettingsStore(file).connectedServers).toEqual(['https://vexa.example']);
  });

  it('with no server connected (the person had disconnected) have none', () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ settings: {}, activeServerId: null }));
    const store = new SettingsStore(file);
    expect(store.connectedServers).toEqual([]);
    expect(store.currentServerId).toBeNull();
  });

  it('a file already in the new layout is read as it is', () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ connectedServers: ['a', 'b'], currentServerId: 'b', activeServerId: 'c' }));
    const store = new SettingsStore(file);
    expect(store.connectedServers).toEqual(['a', 'b']);
    expect(store.currentServerId).toBe('b');
  });
});

describe('settings: updates', () => {
  it('are on with the built-in feed in a file written before they existed, and a partial entry keeps its defaults', () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ settings: { theme: 'dark' } }));
    expect(new SettingsStore(file).settings.updates).toEqual({ enabled: true, feedUrl: null });
    writeFileSync(file, JSON.stringify({ settings: { updates: { enabled: false } } }));
    expect(new SettingsStore(file).settings.updates).toEqual({ enabled: false, feedUrl: null });
  });

  it('are remembered across restarts', () => {
    const file = fresh();
    new SettingsStore(file).update({ updates: { enabled: false, feedUrl: 'https://updates.example.com/' } });
    expect(new SettingsStore(file).settings.updates).toEqual({ enabled: false, feedUrl: 'https://updates.example.com/' });
  });
});
