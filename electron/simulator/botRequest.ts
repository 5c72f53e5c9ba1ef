import { detail, isRecord, parseJsonBody, type SimRequest, type SimResponse } from './http';
import { constructUrl, MEET_CODE, MEET_NICKNAME, parseMeetingLinkG3, parseMeetingUrlG2, TEAMS_HEX, TEAMS_NUMERIC } from './meetingLinks';
import { enumError, jsonInvalidError, missingError, stringTypeError, valueError, type PydanticError } from './pydantic';
import type { SimProfile } from './types';

/** faster-whisper language codes, which G1/G2 validate `language` against. */
export const LANGUAGE_CODES: ReadonlySet<string> = new Set(
  'af am ar as az ba be bg bn bo br bs ca cs cy da de el en es et eu fa fi fo fr gl gu ha haw he hi hr ht hu hy id is it ja jw ka kk km kn ko la lb ln lo lt lv mg mi mk ml mn mr ms mt my ne nl nn no oc pa pl ps pt ro ru sa sd si sk sl sn so sq sr su sv sw ta te tg th tk tl tr tt uk ur uz vi yi yo yue zh'.split(
    ' ',
  ),
);

export interface BotSpec {
  platform: string;
  nativeId: string;
  passcode: string | null;
  meetingUrl: string | null;
  constructedUrl: string | null;
  botName: string | null;
  language: string | null;
  transcribeEnabled: boolean;
  recordingEnabled: boolean;
}

export type BotRequestResult = { ok: true; spec: BotSpec } | { ok: false; response: SimResponse };

const fail = (response: SimResponse): BotRequestResult => ({ ok: false, response });
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function parseBotRequest(profile: SimProfile, req: SimRequest): BotRequestResult {
  const parsed = parseJsonBody(req);
  if (profile === 'g3') {
    if (!parsed.ok) return fail(detail(422, 'invalid JSON body'));
    if (!isRecord(parsed.value)) return fail(detail(422, 'body must be an object'));
    return parseG3(parsed.value);
  }
  if (!parsed.ok) return fail(detail(422, [jsonInvalidError()]));
  if (!isRecord(parsed.value)) {
    return fail(
      detail(422, [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: parsed.value ?? null,
        },
      ]),
    );
  }
  return parseClassic(profile, parsed.value);
}

/** G1/G2: the pydantic `MeetingCreate` model, then the URL builder. */
function parseClassic(profile: SimProfile, body: Record<string, unknown>): BotRequestResult {
  const errors: PydanticError[] = [];
  const platforms = profile === 'g1' ? ['google_meet', 'zoom', 'teams'] : ['google_meet', 'zoom', 'teams', 'browser_session', 'discord'];
  let platform = typeof body.platform === 'string' ? body.platform : null;
  let nativeId = str(body.native_meeting_id);
  let passcode = str(body.passcode);
  const meetingUrl = str(body.meeting_url);
  let teamsBaseHost = str(body.teams_base_host);

  if (profile === 'g2' && meetingUrl && !nativeId) {
    const link = parseMeetingUrlG2(meetingUrl, platform);
    if (link && 'error' in link) return fail(detail(422, [valueError(['body'], link.error, body)]));
    if (link) {
      platform ??= link.platform;
      nativeId = link.nativeId;
      passcode ??= link.passcode ?? null;
      teamsBaseHost ??= link.teamsBaseHost ?? null;
    }
  }

  if (body.platform === undefined && !platform) errors.push(missingError(['body', 'platform'], body));
  else if (!platform || !platforms.includes(platform)) errors.push(enumError(['body', 'platform'], platforms, body.platform ?? platform));
  if (nativeId === null) {
    errors.push(
      body.native_meeting_id === undefined
        ? missingError(['body', 'native_meeting_id'], body)
        : stringTypeError(['body', 'native_meeting_id'], body.native_meeting_id),
    );
  }
  if (body.language !== undefined && body.language !== null && !LANGUAGE_CODES.has(String(body.language))) {
    errors.push(
      valueError(
        ['body', 'language'],
        `Invalid language code '${String(body.language)}'. Must be one of the supported faster-whisper language codes`,
        body.language,
      ),
    );
  }
  if (body.task !== undefined && body.task !== null && body.task !== 'transcribe' && body.task !== 'translate') {
    errors.push(valueError(['body', 'task'], `Invalid task '${String(body.task)}'. Must be 'transcribe' or 'translate'`, body.task));
  }
  if (body.transcription_tier !== undefined && body.transcription_tier !== 'realtime' && body.transcription_tier !== 'deferred') {
    errors.push({
      type: 'literal_error',
      loc: ['body', 'transcription_tier'],
      msg: "Input should be 'realtime' or 'deferred'",
      input: body.transcription_tier,
      ctx: { expected: "'realtime' or 'deferred'" },
    });
  }
  if (errors.length === 0 && platform && nativeId !== null) {
    errors.push(...platformRules(profile, platform, nativeId, passcode, meetingUrl, body));
  }
  if (errors.length > 0) return fail(detail(422, errors));

  const p = platform!;
  const id = nativeId!;
  const built = meetingUrl ?? constructUrl(profile, p, id, passcode, teamsBaseHost);
  if (!built) return fail(detail(422, 'Invalid platform/native_meeting_id combination: cannot construct meeting URL'));
  return {
    ok: true,
    spec: {
      platform: p,
      nativeId: id,
      passcode,
      meetingUrl,
      constructedUrl: built,
      botName: str(body.bot_name),
      language: str(body.language),
      transcribeEnabled: body.transcribe_enabled !== false,
      recordingEnabled: body.recording_enabled !== false,
    },
  };
}

function platformRules(
  profile: SimProfile,
  platform: string,
  nativeId: string,
  passcode: string | null,
  meetingUrl: string | null,
  body: Record<string, unknown>,
): PydanticError[] {
  const errors: PydanticError[] = [];
  const idLoc = ['body', 'native_meeting_id'];
  if (platform === 'google_meet') {
    if (!MEET_CODE.test(nativeId) && !MEET_NICKNAME.test(nativeId)) {
      errors.push(
        valueError(
          idLoc,
          "Google Meet ID must be in format 'abc-defg-hij' or a custom nickname (5-40 lowercase alphanumeric/hyphen chars)",
          nativeId,
        ),
      );
    }
    if (passcode) errors.push(valueError(['body', 'passcode'], 'Passcode is not supported for Google Meet meetings', passcode));
  }
  if (platform === 'teams') {
    if (/^(https?:\/\/|teams\.)/i.test(nativeId)) {
      errors.push(valueError(idLoc, 'Teams meeting ID must be the numeric meeting ID, not a URL', nativeId));
    } else if (!TEAMS_NUMERIC.test(nativeId) && !TEAMS_HEX.test(nativeId)) {
      errors.push(valueError(idLoc, 'Teams meeting ID must be a 10-15 digit numeric ID or a 16-character hex ID', nativeId));
    }
    if (passcode && !/^[A-Za-z0-9]{4,20}$/.test(passcode)) {
      errors.push(valueError(['body', 'passcode'], 'Teams passcode must be 4-20 alphanumeric characters', passcode));
    }
    if (profile === 'g2' && !passcode && !meetingUrl) {
      errors.push(
        valueError(
          ['body'],
          "Teams meetings require a passcode. Without it, bots cannot join (lobby rejects anonymous guests). Provide the 'passcode' field.",
          body,
        ),
      );
    }
  }
  if (platform !== 'zoom' && body.zoom_obf_token) {
    errors.push(valueError(['body', 'zoom_obf_token'], 'zoom_obf_token is only supported for Zoom meetings', body.zoom_obf_token));
  }
  return errors;
}

const G3_BOT_PLATFORMS = ['google_meet', 'jitsi', 'teams', 'zoom'];
const AUTO_LEAVE_KEYS = [
  'max_bot_time',
  'max_wait_for_admission',
  'max_time_left_alone',
  'no_one_joined_timeout',
  'waiting_room_timeout',
  'everyone_left_timeout',
];

/** G3 parses the raw body by hand; every 422 carries a string detail. */
function parseG3(body: Record<string, unknown>): BotRequestResult {
  const meetingUrl = str(body.meeting_url);
  let platform = str(body.platform);
  let nativeId = str(body.native_meeting_id);
  let passcode = str(body.passcode);

  if (body.meeting_url !== undefined && body.meeting_url !== null) {
    const urlError = checkMeetingUrl(meetingUrl);
    if (urlError) return fail(detail(422, urlError));
  }
  if (meetingUrl) {
    const link = parseMeetingLinkG3(meetingUrl);
    if (link) {
      if (platform && platform !== link.platform) {
        return fail(
          detail(
            422,
            `platform '${platform}' disagrees with meeting_url (which is a '${link.platform}' link) — drop one or make them agree`,
          ),
        );
      }
      platform ??= link.platform;
      nativeId ??= link.nativeId;
      passcode ??= link.passcode ?? null;
    } else if (!nativeId) {
      return fail(
        detail(
          422,
          `'native_meeting_id' is required: it could not be derived from meeting_url '${meetingUrl}' (unrecognized meeting link)`,
        ),
      );
    }
  }
  if (!platform || !nativeId) return fail(detail(422, "'platform' and 'native_meeting_id' (or 'meeting_url') are required"));
  if (nativeId.length > 255) return fail(detail(422, "'native_meeting_id' is too long (at most 255 characters)"));
  if (/[\u0000-\u001f\u007f]/.test(nativeId)) return fail(detail(422, "'native_meeting_id' must not contain control characters"));
  if (/[?#&=/\s]/.test(nativeId)) {
    return fail(
      detail(
        422,
        "'native_meeting_id' must be the bare meeting id and cannot contain URL characters (? # & = / or whitespace) — pass the full link as meeting_url instead",
      ),
    );
  }
  if (!G3_BOT_PLATFORMS.includes(platform)) {
    const note = platform === 'browser_session' ? ' (a browser session is not a meeting bot)' : '';
    return fail(
      detail(422, `platform '${platform}' cannot be spawned as a meeting bot — supported: ${G3_BOT_PLATFORMS.join(', ')}${note}`),
    );
  }
  if ((platform === 'zoom' || platform === 'jitsi') && !meetingUrl) {
    return fail(
      detail(
        422,
        `unsupported platform '${platform}' without a meeting_url — use google_meet/teams, or provide meeting_url (required for zoom/jitsi)`,
      ),
    );
  }
  const leaveError = checkAutomaticLeave(body.automatic_leave);
  if (leaveError) return fail(detail(422, leaveError));
  const recording = parseFlag(body.recording_enabled);
  if (recording === 'invalid') return fail(detail(422, "'recording_enabled' must be a boolean"));
  const transcribe = parseFlag(body.transcribe_enabled);
  if (transcribe === 'invalid') return fail(detail(422, "'transcribe_enabled' must be a boolean"));

  return {
    ok: true,
    spec: {
      platform,
      nativeId,
      passcode,
      meetingUrl,
      constructedUrl: meetingUrl ?? constructUrl('g3', platform, nativeId),
      botName: str(body.bot_name),
      language: str(body.language),
      transcribeEnabled: transcribe ?? true,
      recordingEnabled: recording ?? true,
    },
  };
}

function checkMeetingUrl(url: string | null): string | null {
  if (!url || !url.startsWith('https://')) return 'meeting_url must use https:// — the bot only joins TLS deployments';
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'meeting_url is not a valid URL';
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return 'meeting_url must not point at localhost';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('['))
    return 'meeting_url must not be an IP literal — use the meeting host name';
  return null;
}

function checkAutomaticLeave(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return 'automatic_leave must be an object';
  const unknown = Object.keys(value).filter((k) => !AUTO_LEAVE_KEYS.includes(k));
  if (unknown.length > 0) return `automatic_leave has unknown field(s): ${unknown.join(', ')}`;
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) return `automatic_leave.${k} must be a positive integer (milliseconds)`;
  }
  return null;
}

function parseFlag(value: unknown): boolean | null | 'invalid' {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
  }
  return 'invalid';
}
