import { describe, expect, it } from 'vitest';
import { parseBotRequest } from '../../../electron/simulator/botRequest';
import type { SimRequest } from '../../../electron/simulator/http';
import type { SimProfile } from '../../../electron/simulator/types';
import { legacyNativeIdAccepted, parseMeetingLink, type MeetingLink } from '../../../shared/meeting-link';
import { cases } from './cases';

// The server rules of reference §2.1 and §3, written out again here so the parser is checked
// against the documents rather than against its own constants.
const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
const MEET_NICKNAME = /^[a-z0-9][a-z0-9-]{3,38}[a-z0-9]$/;
const ZOOM_ID = /^\d{9,11}$/;
const TEAMS_NUMERIC = /^\d{10,15}$/;
const TEAMS_THREAD = /^19:meeting_[^@%\s/]+@thread\.v2$/i;
const TEAMS_PASSCODE = /^[A-Za-z0-9]{4,20}$/;
const JITSI_ROOM = /^[^/?#\s]+$/;

const accepted: [string, MeetingLink][] = cases.flatMap(([name, input]) => {
  const result = parseMeetingLink(input);
  return result.ok ? [[name, result.value] as [string, MeetingLink]] : [];
});

function post(profile: SimProfile, body: Record<string, unknown>) {
  const req: SimRequest = {
    method: 'POST',
    path: '/bots',
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.from(JSON.stringify(body)),
    params: {},
    origin: 'http://127.0.0.1',
  };
  return parseBotRequest(profile, req);
}

function botBody(link: MeetingLink, withId = true): Record<string, unknown> {
  return {
    platform: link.platform,
    ...(withId ? { native_meeting_id: link.nativeMeetingId } : {}),
    ...(link.meetingUrl ? { meeting_url: link.meetingUrl } : {}),
    ...(link.passcode ? { passcode: link.passcode } : {}),
    transcribe_enabled: false,
  };
}

describe('what the parser produces passes the server rules', () => {
  it('has a broad sample to check', () => {
    expect(accepted.length).toBeGreaterThan(60);
  });

  it.each(accepted)('%s: G3 accepts the native id and link', (_name, link) => {
    const id = link.nativeMeetingId;
    expect(id.length).toBeLessThanOrEqual(255);
    expect(id).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(id).not.toMatch(/[?#&=/\s]/);
    if (link.meetingUrl !== undefined) {
      expect(link.meetingUrl.startsWith('https://')).toBe(true);
      const host = new URL(link.meetingUrl).hostname;
      expect(host).not.toMatch(/^(?:localhost|\d+\.\d+\.\d+\.\d+|\[.*\])$/);
    }
    expect(post('g3', botBody(link))).toMatchObject({ ok: true, spec: { platform: link.platform, nativeId: id } });
  });

  it.each(accepted)('%s: the id has the shape of its platform', (_name, link) => {
    const id = link.nativeMeetingId;
    switch (link.platform) {
      case 'google_meet':
        expect(MEET_CODE.test(id) || MEET_NICKNAME.test(id)).toBe(true);
        // G1/G2 refuse a Meet passcode; every generation builds the Meet URL itself.
        expect(link.passcode).toBeUndefined();
        expect(link.meetingUrl).toBeUndefined();
        break;
      case 'zoom':
        expect(id).toMatch(ZOOM_ID);
        // G3 has no Zoom URL builder and refuses Zoom without meeting_url.
        expect(link.meetingUrl).toBeDefined();
        break;
      case 'teams':
        expect(TEAMS_THREAD.test(id) || TEAMS_NUMERIC.test(id)).toBe(true);
        if (link.passcode !== undefined) expect(link.passcode).toMatch(TEAMS_PASSCODE);
        break;
      case 'jitsi': {
        expect(link.meetingUrl).toBeDefined();
        const host = new URL(link.meetingUrl!).hostname;
        const [room = '', idHost] = id.split('@');
        expect(room).toMatch(JITSI_ROOM);
        expect(idHost).toBe(host === 'meet.jit.si' ? undefined : host);
        break;
      }
    }
  });

  it.each(accepted.filter(([, link]) => link.platform !== 'jitsi'))(
    '%s: G1 and G2 accept it the way the client would send it',
    (_name, link) => {
      if (legacyNativeIdAccepted(link)) {
        const g2Refuses = link.platform === 'teams' && !link.passcode && !link.meetingUrl;
        expect(post('g1', botBody(link)).ok).toBe(true);
        if (g2Refuses) {
          // A Teams ID typed without its passcode: G2 needs one, so the join form must ask for it.
          expect(JSON.stringify(post('g2', botBody(link)))).toContain('require a passcode');
        } else {
          expect(post('g2', botBody(link)).ok).toBe(true);
        }
        return;
      }
      // A Teams thread id: G2 derives its own id from the link; G1 cannot join these (issue #459).
      expect(link.platform).toBe('teams');
      expect(post('g2', botBody(link, false))).toMatchObject({
        ok: true,
        spec: { platform: 'teams', nativeId: expect.stringMatching(/^[0-9a-f]{16}$/) },
      });
      expect(post('g1', botBody(link)).ok).toBe(false);
    },
  );
});
