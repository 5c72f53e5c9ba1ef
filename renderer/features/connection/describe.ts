import type { CapabilitiesView, Generation, KeyStorage, ServerView } from '../../../shared/ipc/models';

/** Words for what the core reports about a server: pure, so they are unit-tested. */

export const generationLabels: Record<Generation, string> = {
  g1: 'v0.9 API',
  g2: 'v0.10 API',
  g3: 'v0.12 API',
};

export function generationLabel(generation: Generation): string {
  return generationLabels[generation];
}

/** "Vexa Cloud · v0.12 API" */
export function connectionBadgeText(server: Pick<ServerView, 'label' | 'generation'>): string {
  return `${server.label} · ${generationLabel(server.generation)}`;
}

// Ordered by what a person notices first; the wording names the feature, not the endpoint.
const capabilityNames: Array<[keyof CapabilitiesView, string]> = [
  ['botConfigUpdate', 'Live bot settings'],
  // G3 captures chat only where the platform hands it to the bot (Jitsi), inside the transcript.
  ['chat', 'Meeting chat on every platform'],
  ['participants', 'Who took part in a meeting'],
  ['recordings', 'Recordings to play and download'],
  ['publicShareLinks', 'Public share links'],
  ['shareTokens', 'Sharing with another Vexa user'],
  ['meetingEdit', 'Renaming meetings and adding notes'],
  ['authMe', 'Account details'],
  ['botsList', 'List of running bots'],
  ['pagedMeetings', 'Long meeting lists loaded a part at a time'],
  ['meetingById', 'Meeting details and status history'],
  ['transcriptsById', 'Transcripts of meetings found without their link'],
  ['plannedMeetings', 'Planned meetings'],
  ['calendars', 'Calendar feeds with auto-join'],
];

export interface CapabilityLine {
  key: keyof CapabilitiesView;
  name: string;
  available: boolean;
  /** "Live bot settings: not on this server version" */
  text: string;
}

export function describeCapabilities(capabilities: CapabilitiesView): CapabilityLine[] {
  return capabilityNames.map(([key, name]) => {
    const available = capabilities[key];
    return { key, name, available, text: `${name}: ${available ? 'available' : 'not on this server version'}` };
  });
}

export const HTTP_WARNING =
  'This address uses plain http: your API key and transcripts travel unencrypted. Use it only for a server on this computer or a network you trust.';

// Plain http to this computer is stated in Settings, not in a banner above every screen.
export { isThisComputer } from '../../../shared/vexa/baseUrl';
import { isThisComputer } from '../../../shared/vexa/baseUrl';

/** The warning for a typed server address, before the core has looked at it. */
export function serverUrlWarning(url: string): string | null {
  // Plain http to 127.0.0.1 or localhost never leaves this computer, so there is nothing to warn about.
  return /^\s*http:\/\//i.test(url) && !isThisComputer(url.trim()) ? HTTP_WARNING : null;
}

export type ErrorField = 'url' | 'apiKey' | 'form';

/** Which control an error Result concerns, so its message is shown next to it. */
export function fieldForError(code: string, message = ''): ErrorField {
  switch (code) {
    case 'unauthorized':
    case 'missing_scope':
      return 'apiKey';
    case 'invalid_url':
    case 'unreachable':
    case 'timeout':
    case 'tls':
    case 'not_vexa':
      return 'url';
    case 'validation':
      return /\bapi ?key\b/i.test(message) ? 'apiKey' : 'url';
    default:
      return 'form';
  }
}

export const keyStorageDescriptions: Record<KeyStorage, { title: string; detail: string }> = {
  keychain: {
    title: 'Encrypted by your operating system',
    detail: "The key is stored encrypted with your system's keychain and read back when the app starts.",
  },
  session: {
    title: 'This session only',
    detail: 'The key is kept in memory and forgotten when the app quits. You will enter it again next time.',
  },
  plaintext: {
    title: 'Unencrypted on this computer',
    detail: 'The key is stored in a file without encryption. Anyone with access to your user account can read it.',
  },
};
