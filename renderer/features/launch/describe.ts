import type { LaunchDefaults } from '../../../shared/ipc/models';
import { linkOnServer, parseMeetingLink, platformLabel, platformRefusal, type MeetingLink } from '../../../shared/meeting-link';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';

/** Words and decisions of the launch form: pure, so they are unit-tested. */

export type ParsedLink = MeetingLink;

export type LinkDetection =
  | { state: 'empty' }
  | { state: 'ok'; link: ParsedLink; platformName: string; summary: string }
  | { state: 'invalid'; code: string; message: string };

/**
 * What the field holds, as the person types: the platform and the id the meeting will have on the
 * server it goes to (the same id the card shows after sending), or why it cannot be sent there.
 */
export function detectLink(text: string, generation: ServerGeneration | null = null): LinkDetection {
  if (!text.trim()) return { state: 'empty' };
  const parsed = parseMeetingLink(text);
  if (!parsed.ok) return { state: 'invalid', code: parsed.code, message: parsed.message };
  const refusal = generation ? platformRefusal(parsed.value.platform, generation) : null;
  if (refusal) return { state: 'invalid', code: 'unsupported_platform', message: refusal };
  const link = generation ? { ...parsed.value, nativeMeetingId: linkOnServer(parsed.value, generation).nativeMeetingId } : parsed.value;
  const platformName = platformLabel(link.platform);
  return { state: 'ok', link, platformName, summary: `${platformName} · ${link.nativeMeetingId}` };
}

/** Teams and Zoom meetings may be locked with a passcode; Meet and Jitsi links carry everything. */
export function mayNeedPasscode(platform: string | null): boolean {
  return platform === 'teams' || platform === 'zoom';
}

/** Where a failed launch is explained, and what the person is offered there. */
export type LaunchErrorPlace = 'link' | 'passcode' | 'botName' | 'alreadyActive' | 'limit' | 'scope' | 'retry' | 'form';

const places: Record<string, LaunchErrorPlace> = {
  already_active: 'alreadyActive',
  conflict: 'alreadyActive',
  limit_reached: 'limit',
  missing_scope: 'scope',
  unreachable: 'retry',
  timeout: 'retry',
  upstream_down: 'retry',
  server_error: 'retry',
  rate_limited: 'retry',
  auth_unavailable: 'retry',
  transport: 'retry',
  passcode_required: 'passcode',
  invalid_bot_name: 'botName',
  validation: 'link',
  unsupported_platform: 'link',
  empty: 'link',
  // The IPC and client codes that concern neither the link nor an option.
  unauthorized: 'form',
  forbidden: 'form',
  not_connected: 'form',
  not_found: 'form',
  internal: 'form',
  unsupported: 'form',
  invalid_response: 'form',
  tls: 'form',
  not_vexa: 'form',
  cancelled: 'form',
  ws_error: 'form',
};

/** Any other code comes from the link parser (its codes name what is wrong with the link). */
export function launchErrorPlace(code: string): LaunchErrorPlace {
  return places[code] ?? 'link';
}

/** "meet.google.com/abc-defg-hij", middle-cut when long, for the clipboard offer. */
export function shortLink(text: string, max = 48): string {
  const plain = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^<|>$/g, '')
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '');
  if (plain.length <= max) return plain;
  const head = Math.ceil((max - 1) * 0.65);
  const tail = max - 1 - head;
  return `${plain.slice(0, head)}…${plain.slice(plain.length - tail)}`;
}

/** How the clipboard offer names a link: the platform and id the parser found ("Google Meet · abc-defg-hij"). */
export function offerLabel(text: string): string {
  const detection = detectLink(text);
  if (detection.state !== 'ok') return shortLink(text);
  return `${detection.platformName} · ${shortLink(detection.link.nativeMeetingId, 40)}`;
}

/** Common languages with their ISO 639-1 codes (all in the server's faster-whisper list); `auto` detects. */
export const LANGUAGES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'auto', name: 'Detect automatically' },
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Spanish' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'it', name: 'Italian' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'nl', name: 'Dutch' },
  { code: 'pl', name: 'Polish' },
  { code: 'cs', name: 'Czech' },
  { code: 'sk', name: 'Slovak' },
  { code: 'hu', name: 'Hungarian' },
  { code: 'ro', name: 'Romanian' },
  { code: 'bg', name: 'Bulgarian' },
  { code: 'el', name: 'Greek' },
  { code: 'hr', name: 'Croatian' },
  { code: 'sr', name: 'Serbian' },
  { code: 'sl', name: 'Slovenian' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'ru', name: 'Russian' },
  { code: 'lt', name: 'Lithuanian' },
  { code: 'lv', name: 'Latvian' },
  { code: 'et', name: 'Estonian' },
  { code: 'fi', name: 'Finnish' },
  { code: 'sv', name: 'Swedish' },
  { code: 'no', name: 'Norwegian' },
  { code: 'da', name: 'Danish' },
  { code: 'ca', name: 'Catalan' },
  { code: 'tr', name: 'Turkish' },
  { code: 'ar', name: 'Arabic' },
  { code: 'he', name: 'Hebrew' },
  { code: 'fa', name: 'Persian' },
  { code: 'hi', name: 'Hindi' },
  { code: 'bn', name: 'Bengali' },
  { code: 'ur', name: 'Urdu' },
  { code: 'ta', name: 'Tamil' },
  { code: 'th', name: 'Thai' },
  { code: 'vi', name: 'Vietnamese' },
  { code: 'id', name: 'Indonesian' },
  { code: 'ms', name: 'Malay' },
  { code: 'zh', name: 'Chinese' },
  { code: 'ja', name: 'Japanese' },
  { code: 'ko', name: 'Korean' },
];

/** "English (en)"; a code from elsewhere (an older default) is shown as it is. */
export function languageName(code: string): string {
  const known = LANGUAGES.find((l) => l.code === code);
  if (!known) return code;
  return code === 'auto' ? known.name : `${known.name} (${code})`;
}

export const TASKS = [
  { value: 'transcribe', label: 'Transcribe', help: 'Text in the language spoken' },
  { value: 'translate', label: 'Translate', help: 'Text translated into English' },
] as const;

export interface LaunchOptionFields {
  botName: string | null;
  language: string | null;
  task: LaunchDefaults['task'] | null;
  passcode: string | null;
}

export type ResolvedOptions = LaunchDefaults & { passcode: string };

/** The options the form shows and sends: what the person changed, else the remembered defaults and the link's passcode. */
export function resolveOptions(fields: LaunchOptionFields, defaults: LaunchDefaults, link: ParsedLink | null): ResolvedOptions {
  return {
    botName: fields.botName ?? defaults.botName,
    language: fields.language ?? defaults.language,
    task: fields.task ?? defaults.task,
    passcode: fields.passcode ?? link?.passcode ?? '',
  };
}
