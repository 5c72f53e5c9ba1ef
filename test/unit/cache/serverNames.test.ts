import { describe, expect, it } from 'vitest';
import { serverIdList } from '../../../electron/core/cache/libraryFilter';
import { fallbackServerLabel, serverLabelOf } from '../../../electron/core/cache/serverNames';
import { MAX_SERVER_FILTER } from '../../../shared/ipc/library';

describe('the name a library row gives its server', () => {
  it('is the server’s own label when it has one', () => {
    expect(serverLabelOf('https://lab.example.com', { url: 'https://lab.example.com', label: 'Lab' })).toBe('Lab');
    expect(serverLabelOf('https://lab.example.com', { url: 'https://lab.example.com', label: '  Lab  ' })).toBe('Lab');
  });

  it('is the host of its address when the label is empty or the server unknown', () => {
    expect(serverLabelOf('https://lab.example.com', { url: 'https://lab.example.com', label: '' })).toBe('lab.example.com');
    expect(serverLabelOf('https://lab.example.com:8443/vexa', undefined)).toBe('lab.example.com:8443');
    expect(serverLabelOf('http://10.0.0.5:18056', { url: null, label: null })).toBe('10.0.0.5:18056');
    // The record's address wins over the id when the two differ.
    expect(fallbackServerLabel('server-7', 'https://cloud.example')).toBe('cloud.example');
  });

  it('is never empty, whatever the id', () => {
    expect(fallbackServerLabel('demo')).toBe('Demo');
    expect(fallbackServerLabel('not a url')).toBe('not a url');
    expect(fallbackServerLabel('   ')).toBe('Unknown server');
    expect(fallbackServerLabel('', 'also not a url')).toBe('Unknown server');
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
