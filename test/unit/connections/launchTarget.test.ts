import { describe, expect, it } from 'vitest';
import {
  chooseLaunchTarget,
  forgetInMemory,
  launchTargetMessage,
  linkFacts,
  MAX_REMEMBERED_DOMAINS,
  rememberLaunch,
} from '../../../electron/core/connections/launchTarget';

const LAB = 'http://lab.internal:8056';
const CLOUD = 'https://api.cloud.vexa.ai';
const OLD = 'http://old.internal:18056';
const none = { lastServerByPlatform: {}, lastServerByDomain: {} };

describe('the facts of a link Launch remembers servers by', () => {
  it('are its platform and the host the meeting is on', () => {
    expect(linkFacts('https://meet.google.com/abc-defg-hij')).toEqual({ platform: 'google_meet', domain: 'meet.google.com' });
    expect(linkFacts('Join: https://acme.zoom.us/j/12345678901?pwd=abc')).toEqual({ platform: 'zoom', domain: 'acme.zoom.us' });
    expect(linkFacts('https://www.meet.jit.si/TeamStandup')).toMatchObject({ platform: 'jitsi' });
    expect(linkFacts('https://www.meet.jit.si/TeamStandup').domain).not.toMatch(/^www\./);
  });

  it('are none for text that holds no meeting link', () => {
    expect(linkFacts('see you tomorrow')).toEqual({ platform: null, domain: null });
    expect(linkFacts('')).toEqual({ platform: null, domain: null });
  });
});

describe('the server Launch offers for a link', () => {
  const zoom = linkFacts('https://acme.zoom.us/j/12345678901');
  const meet = linkFacts('https://meet.google.com/abc-defg-hij');
  const memory = rememberLaunch(rememberLaunch(none, CLOUD, meet), LAB, zoom);

  it('is the one last used for the link’s domain, before the one last used for its platform', () => {
    const byPlatform = rememberLaunch(memory, OLD, linkFacts('https://zoom.us/j/98765432109'));
    expect(byPlatform.lastServerByPlatform.zoom).toBe(OLD);
    expect(chooseLaunchTarget({ facts: zoom, memory: byPlatform, connected: [CLOUD, LAB, OLD], current: CLOUD })).toEqual({
      serverId: LAB,
      why: 'link-domain',
    });
    const otherZoomHost = linkFacts('https://other.zoom.us/j/12345678901');
    expect(chooseLaunchTarget({ facts: otherZoomHost, memory: byPlatform, connected: [CLOUD, LAB, OLD], current: CLOUD })).toEqual({
      serverId: OLD,
      why: 'platform',
    });
  });

  it('passes over a remembered server that is not connected now, to the current one, then the first', () => {
    expect(chooseLaunchTarget({ facts: zoom, memory, connected: [CLOUD, OLD], current: OLD })).toEqual({ serverId: OLD, why: 'current' });
    expect(chooseLaunchTarget({ facts: zoom, memory, connected: [CLOUD, OLD], current: LAB })).toEqual({ serverId: CLOUD, why: 'first' });
    expect(chooseLaunchTarget({ facts: zoom, memory, connected: [], current: LAB })).toEqual({ serverId: null, why: 'none' });
  });

  it('is the current server for text that is not a link', () => {
    expect(chooseLaunchTarget({ facts: linkFacts('hello'), memory, connected: [CLOUD, LAB], current: LAB })).toEqual({
      serverId: LAB,
      why: 'current',
    });
  });

  it('says why, in words', () => {
    expect(launchTargetMessage('link-domain', 'Lab', zoom)).toBe('Lab was used last for meetings on acme.zoom.us.');
    expect(launchTargetMessage('platform', 'Lab', zoom)).toBe('Lab was used last for Zoom meetings.');
    expect(launchTargetMessage('none', null, zoom)).toMatch(/No server is connected/);
  });
});

describe('the launch memory', () => {
  it('keeps the most recent domains and drops the oldest past its bound', () => {
    let memory = none as ReturnType<typeof rememberLaunch>;
    for (let i = 0; i < MAX_REMEMBERED_DOMAINS + 5; i++)
      memory = rememberLaunch(memory, LAB, { platform: 'jitsi', domain: `jitsi${i}.example` });
    const domains = Object.keys(memory.lastServerByDomain);
    expect(domains).toHaveLength(MAX_REMEMBERED_DOMAINS);
    expect(domains).not.toContain('jitsi0.example');
    expect(domains.at(-1)).toBe(`jitsi${MAX_REMEMBERED_DOMAINS + 4}.example`);
    // Using an old domain again moves it to the newest end.
    memory = rememberLaunch(memory, CLOUD, { platform: 'jitsi', domain: 'jitsi5.example' });
    expect(Object.keys(memory.lastServerByDomain).at(-1)).toBe('jitsi5.example');
  });

  it('forgets a removed server everywhere', () => {
    const memory = rememberLaunch(
      rememberLaunch(none, LAB, linkFacts('https://acme.zoom.us/j/12345678901')),
      CLOUD,
      linkFacts('https://meet.google.com/abc-defg-hij'),
    );
    expect(forgetInMemory(memory, LAB)).toEqual({
      lastServerByPlatform: { google_meet: CLOUD },
      lastServerByDomain: { 'meet.google.com': CLOUD },
    });
  });
});
