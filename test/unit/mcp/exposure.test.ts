import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/settings';
import { exposedServersIn, readExposedServers } from '../../../electron/mcp/exposure';

describe('which servers AI tools may read', () => {
  it('shares nothing unless the settings file names servers', () => {
    expect(exposedServersIn(undefined)).toEqual([]);
    expect(exposedServersIn({})).toEqual([]);
    // A settings file written before AI tools existed.
    expect(exposedServersIn({ settings: { theme: 'dark' }, connectedServers: ['https://a.example'] })).toEqual([]);
    expect(exposedServersIn({ mcp: {} })).toEqual([]);
    expect(exposedServersIn({ mcp: { exposedServers: [] } })).toEqual([]);
  });

  it('shares exactly the servers named, once each', () => {
    expect(exposedServersIn({ mcp: { exposedServers: ['https://a.example', 'demo', 'https://a.example'] } })).toEqual([
      'https://a.example',
      'demo',
    ]);
  });

  it('shares nothing when the setting is not the app’s own shape', () => {
    expect(exposedServersIn({ mcp: { exposedServers: 'all' } })).toEqual([]);
    expect(exposedServersIn({ mcp: { exposedServers: [1, 2] } })).toEqual([]);
    expect(exposedServersIn({ mcp: true })).toEqual([]);
    expect(exposedServersIn([{ mcp: { exposedServers: ['x'] } }])).toEqual([]);
  });

  it('reads what Settings saved, and nothing from a folder without a settings file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexa-mcp-settings-'));
    expect(readExposedServers(dir)).toEqual([]);
    const store = new SettingsStore(join(dir, 'settings.json'));
    expect(store.mcp.exposedServers).toEqual([]);
    store.update({ doNotDisturb: true });
    expect(readExposedServers(dir)).toEqual([]);
    store.setMcp({ exposedServers: ['https://a.example'] });
    expect(readExposedServers(dir)).toEqual(['https://a.example']);
    // Other settings keep it.
    store.update({ closeToTray: false });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).mcp).toEqual({ exposedServers: ['https://a.example'] });
    expect(new SettingsStore(join(dir, 'settings.json')).mcp.exposedServers).toEqual(['https://a.example']);
  });
});
