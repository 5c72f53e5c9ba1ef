import type { Candidate } from './candidates';
import { refuse, SUPPORTED_PLATFORMS, type MeetingLinkError } from './types';

const SHORTENERS = [
  'aka.ms',
  'bit.ly',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'g.co',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'lnkd.in',
  't.ly',
  'is.gd',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  'tiny.cc',
];

// Meeting services the bot cannot join. Several use a `meet.` host name, which G3 would otherwise
// take for a self-hosted Jitsi.
const OTHER_PLATFORMS: Record<string, string> = {
  'webex.com': 'Webex',
  'goto.com': 'GoTo Meeting',
  'gotomeeting.com': 'GoTo Meeting',
  'gotomeet.me': 'GoTo Meeting',
  'whereby.com': 'Whereby',
  'bluejeans.com': 'BlueJeans',
  'chime.aws': 'Amazon Chime',
  'discord.gg': 'Discord',
  'discord.com': 'Discord',
  'skype.com': 'Skype',
  'lync.com': 'Skype for Business',
  'zoho.com': 'Zoho Meeting',
  'zoho.eu': 'Zoho Meeting',
  'ringcentral.com': 'RingCentral',
  'facetime.apple.com': 'FaceTime',
  'hangouts.google.com': 'Google Hangouts',
  'gather.town': 'Gather',
  'livestorm.co': 'Livestorm',
  'riverside.fm': 'Riverside',
  'streamyard.com': 'StreamYard',
};

const OTHER_SITES: Record<string, string> = {
  'slack.com': 'Slack',
  'docs.google.com': 'Google Docs',
  'drive.google.com': 'Google Drive',
  'mail.google.com': 'Gmail',
  'notion.so': 'Notion',
  'notion.site': 'Notion',
  'github.com': 'GitHub',
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
  'figma.com': 'Figma',
  'linkedin.com': 'LinkedIn',
  'dropbox.com': 'Dropbox',
  'atlassian.net': 'Jira or Confluence',
  'loom.com': 'Loom',
  'calendly.com': 'Calendly',
  'sharepoint.com': 'SharePoint',
  'outlook.office.com': 'Outlook',
  'outlook.office365.com': 'Outlook',
  'outlook.live.com': 'Outlook',
  'miro.com': 'Miro',
  'trello.com': 'Trello',
  'x.com': 'X',
  'twitter.com': 'X',
};

const matches = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);
const named = (table: Record<string, string>, host: string): string | undefined =>
  Object.entries(table).find(([domain]) => matches(host, domain))?.[1];

/**
 * Addresses G3 refuses in `meeting_url` (localhost and IP literals), and names that only resolve
 * on a local network.
 */
export function addressRefusal(host: string): MeetingLinkError | null {
  const privateMessage = 'The bot joins over the internet and cannot open a link to this computer or a private address.';
  if (host.startsWith('[')) {
    return /^\[(?:::1?|f[cd]|fe[89ab]|::ffff:)/i.test(host) ? refuse('private_address', privateMessage) : ipLiteral();
  }
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    const isPrivate =
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127);
    return isPrivate ? refuse('private_address', privateMessage) : ipLiteral();
  }
  if (!host.includes('.') || /(?:^|\.)(?:localhost|local|internal|lan|localdomain|home\.arpa)$/.test(host)) {
    return refuse('private_address', privateMessage);
  }
  return null;
}

const ipLiteral = (): MeetingLinkError =>
  refuse('ip_address', "The bot needs the meeting service's host name, not an IP address — paste the link exactly as the invite gives it.");

/** Links that are not meetings but say something useful about what to paste instead. */
export function knownHostRefusal({ url, host }: Candidate): MeetingLinkError | null {
  if (SHORTENERS.some((d) => matches(host, d))) {
    return refuse(
      'short_link',
      `This is a shortened link (${host}), which the bot cannot follow — open it in a browser and paste the meeting link it leads to.`,
    );
  }
  if (/^(?:outlook\.office(?:365)?\.com|outlook\.live\.com)$/.test(host) && url.pathname.toLowerCase().startsWith('/calendar')) {
    return refuse(
      'calendar_link',
      'This is an Outlook calendar link, not a meeting link — open the event and copy its Teams, Zoom or Meet link.',
    );
  }
  const platform = named(OTHER_PLATFORMS, host);
  if (platform) {
    return refuse(
      'unsupported_platform',
      `${platform} is not supported — the bot joins ${SUPPORTED_PLATFORMS.replace(' or ', ' and ')} meetings.`,
    );
  }
  const site = named(OTHER_SITES, host);
  if (site)
    return refuse(
      'unsupported_host',
      `That looks like a ${site} link, not a meeting link — paste the ${SUPPORTED_PLATFORMS} link from the invite.`,
    );
  return null;
}

export function unknownHostRefusal(host: string): MeetingLinkError {
  return refuse('unsupported_host', `That is not a meeting link Vexa knows (${host}) — paste a ${SUPPORTED_PLATFORMS} link.`);
}
