import { describe, expect, it } from 'vitest';
import { listInput, NO_FILTERS, plannedInput, searchFilters } from '../../../renderer/features/library/filters';
import {
  demoFilter,
  namesServers,
  rowServerLabel,
  serverChipText,
  serverColour,
  serverFilterAnnouncement,
  serverOptions,
  shownServers,
} from '../../../renderer/features/library/servers';

const NOW = new Date(2026, 2, 15, 14, 30).getTime();
const stats = [
  { serverId: 'https://lab.example.com', label: 'Lab', demo: false, meetings: 12, lastSyncedAt: null },
  { serverId: 'https://cloud.example', label: 'Vexa Cloud', demo: false, meetings: 1, lastSyncedAt: 5 },
  { serverId: 'https://empty.example', label: 'Empty', demo: false, meetings: 0, lastSyncedAt: null },
  { serverId: 'demo', label: 'Demo simulator', demo: true, meetings: 3, lastSyncedAt: null },
];

describe('which servers the library names', () => {
  it('lists the servers with meetings by name, the demo only while its meetings are shown', () => {
    expect(shownServers(stats, 'exclude').map((s) => s.label)).toEqual(['Lab', 'Vexa Cloud']);
    expect(shownServers(stats, 'include').map((s) => s.label)).toEqual(['Demo simulator', 'Lab', 'Vexa Cloud']);
  });

  it('shows the demo meetings only while the demo is the connected server', () => {
    expect(demoFilter({ demo: true })).toBe('include');
    expect(demoFilter({ demo: false })).toBe('exclude');
    expect(demoFilter(null)).toBe('exclude');
  });

  it('names servers only when the library holds meetings of more than one', () => {
    expect(namesServers(shownServers(stats, 'exclude'))).toBe(true);
    expect(namesServers(shownServers(stats.slice(0, 1), 'exclude'))).toBe(false);
    // A library of one real server and the demo's meetings (the demo running) names both.
    expect(namesServers(shownServers([stats[0]!, stats[3]!], 'include'))).toBe(true);
    expect(namesServers(shownServers([stats[0]!, stats[3]!], 'exclude'))).toBe(false);
  });

  it('gives two servers two colours, kept when another server joins, and the demo its own', () => {
    const two = shownServers(stats, 'exclude');
    const lab = serverColour('https://lab.example.com', two);
    const cloud = serverColour('https://cloud.example', two);
    expect(lab).not.toBe(cloud);
    const three = shownServers([...stats, { serverId: 'https://zz.example', label: 'A new one', demo: false, meetings: 1 }], 'include');
    expect(serverColour('https://lab.example.com', three)).toBe(lab);
    expect(serverColour('https://cloud.example', three)).toBe(cloud);
    expect(new Set(three.map((s) => serverColour(s.serverId, three))).size).toBe(4);
    expect(serverColour('demo', three)).toBe('demo');
  });

  it('says which server a meeting is on, in words', () => {
    expect(serverChipText('lab.example.com')).toBe('on lab.example.com');
    expect(rowServerLabel({ serverId: 'https://x.example', serverLabel: ' ' })).toBe('https://x.example');
    expect(serverOptions(shownServers(stats, 'exclude'))).toEqual([
      { value: '', label: 'All servers' },
      { value: 'https://lab.example.com', label: 'Lab (12)' },
      { value: 'https://cloud.example', label: 'Vexa Cloud (1)' },
    ]);
    const shown = shownServers(stats, 'exclude');
    expect(serverFilterAnnouncement(12, 'https://lab.example.com', shown)).toBe('Showing 12 meetings on Lab.');
    expect(serverFilterAnnouncement(1, 'https://cloud.example', shown)).toBe('Showing 1 meeting on Vexa Cloud.');
    expect(serverFilterAnnouncement(13, '', shown)).toBe('Showing 13 meetings from all servers.');
  });
});

describe('what the library asks the core for', () => {
  it('leaves the demo meetings out unless they are shown, and a chosen server in whatever it is', () => {
    expect(listInput(NO_FILTERS, NOW, 'exclude')).toEqual({ demo: 'exclude', planned: 'exclude' });
    expect(listInput(NO_FILTERS, NOW, 'include')).toEqual({ planned: 'exclude' });
    expect(plannedInput(NO_FILTERS, 'exclude')).toEqual({ demo: 'exclude', planned: 'only' });
    expect(searchFilters(NO_FILTERS, NOW, 'exclude')).toEqual({ demo: 'exclude' });
    const chosen = { ...NO_FILTERS, serverId: 'demo' };
    expect(listInput(chosen, NOW, 'exclude')).toEqual({ serverId: 'demo', planned: 'exclude' });
    expect(searchFilters({ ...chosen, serverId: 'https://lab.example.com' }, NOW, 'exclude')).toEqual({
      serverId: 'https://lab.example.com',
    });
  });
});
