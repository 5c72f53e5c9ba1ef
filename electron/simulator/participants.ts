import type { SimContext } from './context';
import { detail, json, type Caller, type SimRequest, type SimResponse } from './http';

/**
 * G3 `GET /meetings/{platform}/{native_meeting_id}/participants` (Vexa-ai/vexa
 * docs/docs/api/meetings.mdx "Meeting participants"): for the newest meeting the caller owns on
 * the link, the calendar invitation's attendees (`source: "invite"`, with email and
 * `response_status`) and the distinct speaker names heard, by first utterance (`source:
 * "speaker"`), with no identity resolution (someone invited who spoke appears twice); `sources`
 * names only the sources that contributed, and `observed_roster` is always `"not_recorded"`: the
 * server records nobody's presence. 404 for a meeting the caller does not own.
 */
export function g3Participants(ctx: SimContext, req: SimRequest, caller: Caller): SimResponse {
  const { platform, native_id: nativeId } = req.params as { platform: string; native_id: string };
  const m = ctx.meetings.newest(caller.user.id, platform, nativeId);
  if (!m) return detail(404, 'Meeting not found');
  const invites = (m.invitees ?? []).map((i) => ({ name: i.name, email: i.email, source: 'invite', response_status: i.responseStatus }));
  const speakers: string[] = [];
  const heard = [...m.segments.values()].filter((s) => s.completed && s.source !== 'chat').sort((a, b) => a.start - b.start);
  for (const s of heard) if (s.speaker.trim() !== '' && !speakers.includes(s.speaker)) speakers.push(s.speaker);
  const participants = [...invites, ...speakers.map((name) => ({ name, email: null, source: 'speaker' }))];
  const sources = [...(invites.length ? ['invite'] : []), ...(speakers.length ? ['speaker'] : [])];
  return json(200, {
    meeting_id: m.id,
    platform: m.platform,
    native_meeting_id: m.nativeId,
    participants,
    sources,
    observed_roster: 'not_recorded',
  });
}
