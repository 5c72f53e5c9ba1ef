import { describe, expect, it } from 'vitest';
import { VexaError, describeDetail, extractDetail, fromWsErrorFrame, redactSecrets } from '../../../shared/vexa/errors';
import { fixtureJson } from '../../support/fixtures';

const errors = fixtureJson('vexa/errors.json');

describe('describeDetail', () => {
  it('turns a string detail into a sentence, leaving field names as the server wrote them', () => {
    expect(describeDetail('No meeting found to stop.')).toBe('No meeting found to stop.');
    expect(describeDetail('upstream timeout')).toBe('Upstream timeout.');
    expect(describeDetail(errors.g3Validation422.detail)).toBe('meeting_url must use https:// — the bot only joins TLS deployments.');
  });

  it('names each field of a pydantic 422 list and drops the "Value error," prefix', () => {
    expect(describeDetail(errors.g1Pydantic422.detail)).toBe(
      "native_meeting_id: Google Meet ID must be in format 'abc-defg-hij' or a custom nickname (5-40 lowercase alphanumeric/hyphen chars); task: Input should be 'transcribe' or 'translate'.",
    );
  });

  it('reads the object details of G1 (status/message) and G3 (code/reason)', () => {
    expect(describeDetail(errors.g1BotStartFailed500.detail)).toBe('Failed to start bot container.');
    expect(describeDetail(errors.g3ServiceNotAllowed403.detail)).toBe('Transcription is not enabled for this workspace.');
    expect(describeDetail({ code: 'service_authority_unavailable' })).toBe('Service authority unavailable.');
  });

  it('unwraps a raw upstream body that G1/G2 re-raise as the detail string', () => {
    expect(describeDetail('{"detail":"Meeting not found for platform google_meet and ID abc-defg-hij"}')).toBe(
      'Meeting not found for platform google_meet and ID abc-defg-hij.',
    );
  });

  it('returns an empty string when there is nothing to read', () => {
    expect(describeDetail(undefined)).toBe('');
    expect(describeDetail(null)).toBe('');
    expect(describeDetail([])).toBe('');
    expect(describeDetail({})).toBe('');
  });

  it('keeps a runaway detail to a readable length', () => {
    expect(describeDetail('x '.repeat(2000)).length).toBeLessThanOrEqual(401);
  });
});

describe('extractDetail', () => {
  it('prefers detail, then error + details (the dashboard proxy), then message', () => {
    expect(extractDetail({ detail: 'a', error: 'b' })).toBe('a');
    expect(describeDetail(extractDetail(errors.dashboardProxy502))).toBe(
      'Failed to connect to Vexa API: connect ECONNREFUSED 10.0.0.5:8056.',
    );
    expect(extractDetail({ error: 'Meeting not found' })).toBe('Meeting not found');
    expect(extractDetail({ message: 'm' })).toBe('m');
    expect(extractDetail({ other: 1 })).toBeUndefined();
  });
});

describe('fromWsErrorFrame', () => {
  const frames = errors.wsFrames;

  it('maps every bad-key frame, of every generation, to unauthorized', () => {
    for (const frame of [frames.g1BadKey, frames.g3BadKey, frames.missingKey]) {
      const e = fromWsErrorFrame(frame);
      expect(e.code).toBe('unauthorized');
      expect(e.userMessage).toMatch(/rejected this API key/);
    }
  });

  it('asks to retry when G3 cannot check keys', () => {
    const e = fromWsErrorFrame(frames.g3AuthDown);
    expect(e.code).toBe('auth_unavailable');
    expect(e.userMessage).toMatch(/try again/i);
  });

  it('explains a meeting the key may not watch, in both G1 and G3 wording', () => {
    expect(fromWsErrorFrame(frames.g3NotAuthorized).code).toBe('not_found');
    expect(fromWsErrorFrame(frames.g1NotAuthorized).code).toBe('not_found');
  });

  it('keeps other protocol errors readable', () => {
    const e = fromWsErrorFrame(frames.emptySubscribe);
    expect(e.code).toBe('ws_error');
    expect(e.userMessage).toBe("The live connection reported an error (invalid subscribe payload): 'meetings' must be a non-empty list.");
    expect(fromWsErrorFrame(frames.unknownAction).userMessage).toBe('The live connection reported an error (unknown action).');
    expect(fromWsErrorFrame({ type: 'error', message: 'Invalid meeting ID' }).code).toBe('ws_error');
    expect(fromWsErrorFrame(null).code).toBe('ws_error');
  });
});

describe('VexaError', () => {
  it('serialises to what the server said and the sentence, without a cause chain', () => {
    const e = new VexaError({ code: 'timeout', userMessage: 'Slow.', status: 504, cause: new Error('inner secret') });
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: 'VexaError', code: 'timeout', status: 504, userMessage: 'Slow.' });
    expect(String(e)).toBe('VexaError: Slow.');
    expect(e).toBeInstanceOf(Error);
  });

  it('redacts secrets from text', () => {
    expect(redactSecrets('key vxa_tx_abcdefgh echoed', ['vxa_tx_abcdefgh'])).toBe('key [hidden] echoed');
    expect(redactSecrets('nothing', [undefined, ''])).toBe('nothing');
  });
});
