import type { LaunchBotRequest, ServerGeneration } from '../../../shared/vexa';

/**
 * The body of `POST /bots`: only the fields the person filled in. G3 parses the body by hand and
 * ignores unknown keys; G1 has no `automatic_leave`.
 */
export function launchBody(generation: ServerGeneration, req: LaunchBotRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { platform: req.platform };
  const put = (key: string, value: string | boolean | undefined) => {
    if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '')) body[key] = value;
  };
  put('native_meeting_id', req.nativeMeetingId?.trim());
  put('meeting_url', req.meetingUrl?.trim());
  put('passcode', req.passcode?.trim());
  put('bot_name', req.botName?.trim());
  // "auto" means: let the server detect the language, which it does when none is sent.
  put('language', req.language === 'auto' ? undefined : req.language);
  put('task', req.task);
  put('transcription_tier', req.transcriptionTier);
  put('recording_enabled', req.recordingEnabled);
  put('transcribe_enabled', req.transcribeEnabled);
  if (req.automaticLeave && generation !== 'g1') body.automatic_leave = req.automaticLeave;
  return body;
}
