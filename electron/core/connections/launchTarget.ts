import type { LaunchTargetView } from '../../../shared/ipc/models';
import { parseMeetingLink, platformLabel } from '../../../shared/meeting-link';
import type { Platform } from '../../../shared/vexa/types';
import { joinUrlFor } from '../meetings/joinUrl';
import type { LaunchMemory } from '../settings';

/** Enough domains for every meeting host a person uses; the oldest are forgotten first. */
export const MAX_REMEMBERED_DOMAINS = 200;

export interface LinkFacts {
  platform: Platform | null;
  /** The host the meeting is on (`acme.zoom.us`, `meet.jit.si`), lower case, without `www.`. */
  domain: string | null;
}

/** The platform and host of the meeting link in `text`; nulls when it holds none. */
export function linkFacts(text: string): LinkFacts {
  const parsed = parseMeetingLink(text);
  if (!parsed.ok) return { platform: null, domain: null };
  const { platform, nativeMeetingId, passcode, meetingUrl } = parsed.value;
  const url = joinUrlFor(platform, nativeMeetingId, passcode, meetingUrl);
  let domain: string | null = null;
  if (url) {
    try {
      domain = new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
    } catch {
      domain = null;
    }
  }
  return { platform, domain };
}

export interface TargetChoiceInput {
  facts: LinkFacts;
  memory: LaunchMemory;
  /** Servers that can send a bot now, in the person's order. */
  connected: readonly string[];
  current: string | null;
}

/**
 * Where a bot for this link goes unless the person picks: the server last used for the link's
 * domain (most specific: a company's own Zoom or Jitsi host), else for its platform, else the
 * current server, else the first connected one. A remembered server that is not connected now is
 * passed over, never waited for.
 */
export function chooseLaunchTarget({ facts, memory, connected, current }: TargetChoiceInput): Pick<LaunchTargetView, 'serverId' | 'why'> {
  const usable = (id: string | undefined | null): id is string => !!id && connected.includes(id);
  const byDomain = facts.domain ? memory.lastServerByDomain[facts.domain] : undefined;
  if (usable(byDomain)) return { serverId: byDomain, why: 'link-domain' };
  const byPlatform = facts.platform ? memory.lastServerByPlatform[facts.platform] : undefined;
  if (usable(byPlatform)) return { serverId: byPlatform, why: 'platform' };
  if (usable(current)) return { serverId: current, why: 'current' };
  const first = connected[0];
  return first ? { serverId: first, why: 'first' } : { serverId: null, why: 'none' };
}

/** The sentence beside the server Launch offers. */
export function launchTargetMessage(why: LaunchTargetView['why'], label: string | null, facts: LinkFacts): string {
  switch (why) {
    case 'link-domain':
      return `${label} was used last for meetings on ${facts.domain}.`;
    case 'platform':
      return `${label} was used last for ${platformLabel(facts.platform!)} meetings.`;
    case 'current':
      return `${label} is the server you are working with.`;
    case 'first':
      return `${label} is the first connected server in your list.`;
    case 'none':
      return 'No server is connected. Connect a server, or reconnect one from the list, to send a bot.';
  }
}

/** The memory after a bot was sent from `serverId` for this link. */
export function rememberLaunch(memory: LaunchMemory, serverId: string, facts: LinkFacts): LaunchMemory {
  const byPlatform = { ...memory.lastServerByPlatform };
  if (facts.platform) byPlatform[facts.platform] = serverId;
  // Re-inserted, so the keys stay in the order of last use and the oldest go first.
  const byDomain = { ...memory.lastServerByDomain };
  if (facts.domain) {
    delete byDomain[facts.domain];
    byDomain[facts.domain] = serverId;
  }
  const domains = Object.keys(byDomain);
  for (const old of domains.slice(0, Math.max(0, domains.length - MAX_REMEMBERED_DOMAINS))) delete byDomain[old];
  return { lastServerByPlatform: byPlatform, lastServerByDomain: byDomain };
}

/** The memory without a server that was removed. */
export function forgetInMemory(memory: LaunchMemory, serverId: string): LaunchMemory {
  const keep = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([, id]) => id !== serverId));
  return { lastServerByPlatform: keep(memory.lastServerByPlatform), lastServerByDomain: keep(memory.lastServerByDomain) };
}
