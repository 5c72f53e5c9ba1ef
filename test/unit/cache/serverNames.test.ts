import { describe, expect, it } from 'vitest';
import { serverIdList } from '../../../electron/core/cache/libraryFilter';
import { serverLabelOf } from '../../../electron/core/cache/serverNames';
import { MAX_SERVER_FILTER } from '../../../shared/ipc/library';
import { hostLabel, libraryServerLabel, serverLabel } from '../../../shared/serverLabel';

describe('the name the app gives a server (shared/serverLabel.ts)', () => {
  const lab = 'https://lab.example.com';

  it('is the person’s label first, then the app’s own, then the host of its address', () => {
    expect(serverLabel({ id: lab, url: lab, label: 'lab.example.com', userLabel: 'Lab' })).toBe('Lab');
    expect(serverLabel({ id: lab, url: lab, label: '  Lab  ', userLabel: '   ' })).toBe('Lab');
    expect(serverLabel({ id: lab, url: lab, label: '', userLabel: null })).toBe('lab.example.com');
    expect(serverLabel({ id: 'https://lab.example.com:8443/vexa' })).toBe('lab.example.com:8443');
    expect(serverLabel({ id: 'http://10.0.0.5:18056', url: null, label: null })).toBe('10.0.0.5:18056');
    // The record's address wins over the id when the two differ.
    expect(serverLabel({ id: 'server-7', url: 'https://cloud.example' })).toBe('cloud.example');
    expect(serverLabel({ id: 'https://api.cloud.vexa.ai' })).toBe('Vexa Cloud');
    expect(hostLabel('https://api.cloud.vexa.ai')).toBe('Vexa Cloud');
  });

  it('is never empty, whatever the id', () => {
    expect(serverLabel({ id: 'demo' })).toBe('Demo simulator');
    expect(serverLabel({ id: 'not a url' })).toBe('not a url');
    expect(serverLabel({ id: '   ' })).toBe('Unknown server');
    expect(serverLabel({ id: '', url: 'also not a url' })).toBe('Unknown server');
  });

  it('says in the library that a server was removed with its meetings kept, and nowhere else', () => {
    const removed = { id: lab, url: lab, label: 'lab.example.com', userLabel: 'Lab', removed: true };
    expect(libraryServerLabel(removed)).toBe('Lab (removed)');
    expect(serverLabel(removed)).toBe('Lab');
    expect(libraryServerLabel({ ...removed, removed: false })).toBe('Lab');
  });

  it('is the same for a library row as for the server list', () => {
    const row = { url: lab, label: 'lab.example.com', user_label: 'Lab', demo: 0, removed: 0 };
    expect(serverLabelOf(lab, row)).toBe(serverLabel({ id: lab, url: lab, label: 'lab.example.com', userLabel: 'Lab' }));
    expect(serverLabelOf(lab, undefined)).toBe('lab.example.com');
    expect(serverLabelOf(lab, { ...row, removed: 1 })).toBe('Lab (removed)');
  });
});

describe('the servers one filter names', () => {
  it('are distinct, strings only, and at most the bound', () => {
    expect(serverIdList(['a', 'b', 'a', 3 as unknown as string])).toEqual(['a', 'b']);
    const many = Array.from({ length: MAX_SERVER_FILTER + 5 }, (_, i) => `s${i}`);
    expect(serverIdList(many)).toEqual(many.slice(0, MAX_SERVER_FILTER));
  });

  it('are no filter when the list is missing or empty', () => {
    expect(serverIdList(undefined)).toBeNull();
    expect(serverIdList([])).toBeNull();
  });
});
