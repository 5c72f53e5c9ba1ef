import type { MeetingLink, MeetingLinkErrorCode } from '../../../shared/meeting-link';

/** What a person pastes, and what the parser must make of it: the whole value, or a code and part of the sentence. */
export type Case = [name: string, input: string, expected: MeetingLink | { code: MeetingLinkErrorCode; says: string }];

const THREAD = '19:meeting_NjQ4YTBkNzQtYmI1Ni00ZTc1LWJkMTEtOTA0NWVhNTE0OWE0@thread.v2';
const THREAD_ENC = '19%3ameeting_NjQ4YTBkNzQtYmI1Ni00ZTc1LWJkMTEtOTA0NWVhNTE0OWE0%40thread.v2';
const CONTEXT =
  'context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22d2f1c5a0-3b1e-4a6f-9c1e-5a2b7c8d9e0f%22%7d';
export const TEAMS_LONG = `https://teams.microsoft.com/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`;
const ZOOM_PWD = 'Ab3dEfGhIjKlMnOpQrStUvWxYz.1';

const meet = (nativeMeetingId: string): MeetingLink => ({ platform: 'google_meet', nativeMeetingId });
const zoom = (nativeMeetingId: string, meetingUrl: string, passcode?: string): MeetingLink => ({
  platform: 'zoom',
  nativeMeetingId,
  meetingUrl,
  ...(passcode ? { passcode } : {}),
});
const teams = (nativeMeetingId: string, meetingUrl?: string, passcode?: string): MeetingLink => ({
  platform: 'teams',
  nativeMeetingId,
  ...(meetingUrl ? { meetingUrl } : {}),
  ...(passcode ? { passcode } : {}),
});
const jitsi = (nativeMeetingId: string, meetingUrl: string): MeetingLink => ({ platform: 'jitsi', nativeMeetingId, meetingUrl });
const no = (code: MeetingLinkErrorCode, says: string) => ({ code, says });

const GOOGLE_CALENDAR_INVITE = `Weekly sync
Thursday, March 12 · 10:00 – 10:30am
Time zone: Europe/Berlin
Google Meet joining info
Video call link: https://meet.google.com/abc-defg-hij
Or dial: \u202a(US) +1 208-555-0175\u202c PIN: \u202a123 456 789\u202c#
More phone numbers: https://tel.meet/abc-defg-hij?pin=1234567890123

View event: https://calendar.google.com/calendar/event?action=VIEW&eid=NGE0aDFyZzQ`;

const CALENDAR_FIRST = `Reply for alice@example.com
Invitation from Google Calendar: https://calendar.google.com/calendar/event?action=VIEW&eid=NGE0
Join with Google Meet – meet.google.com/xyz-abcd-efg`;

const OUTLOOK_TEAMS_INVITE = `________________________________________________________________________________
Microsoft Teams Need help?<https://aka.ms/JoinTeamsMeeting?omkt=en-US>
Join the meeting now<${TEAMS_LONG}>
Meeting ID: 381 925 914 467 8
Passcode: Zq2Wx7
________________________________
Dial in by phone
+1 323-555-0123,,123456789# United States, Los Angeles
For organizers: Meeting options<https://teams.microsoft.com/meetingOptions/?organizerId=d2f1&tenantId=72f9&threadId=19_meeting_NjQ4@thread.v2&messageId=0&language=en-US>`;

const NEW_TEAMS_INVITE = `Microsoft Teams meeting
Join: https://teams.microsoft.com/meet/3819259144678
Meeting ID: 381 925 914 467 8
Passcode: Zq2Wx7`;

const ZOOM_INVITE = `John Smith is inviting you to a scheduled Zoom meeting.

Topic: Quarterly review
Time: Mar 12, 2026 10:00 AM Pacific Time (US and Canada)

Join Zoom Meeting
https://us06web.zoom.us/j/84512345678?pwd=${ZOOM_PWD}

Meeting ID: 845 1234 5678
Passcode: 123456

---

One tap mobile
+16699006833,,84512345678#,,,,*123456# US (San Jose)`;

export const cases: Case[] = [
  // Google Meet
  ['Meet link', 'https://meet.google.com/abc-defg-hij', meet('abc-defg-hij')],
  ['Meet over http', 'http://meet.google.com/abc-defg-hij', meet('abc-defg-hij')],
  ['Meet without a scheme', 'meet.google.com/abc-defg-hij', meet('abc-defg-hij')],
  ['Meet in capitals', 'HTTPS://MEET.GOOGLE.COM/ABC-DEFG-HIJ', meet('abc-defg-hij')],
  ['Meet with ?authuser', 'https://meet.google.com/abc-defg-hij?authuser=1', meet('abc-defg-hij')],
  ['Meet with ?pli', 'https://meet.google.com/abc-defg-hij?pli=1', meet('abc-defg-hij')],
  ['Meet with ?hs', 'https://meet.google.com/abc-defg-hij?hs=122&authuser=0', meet('abc-defg-hij')],
  ['Meet with a trailing slash', 'https://meet.google.com/abc-defg-hij/', meet('abc-defg-hij')],
  ['Meet in angle brackets', '<https://meet.google.com/abc-defg-hij>', meet('abc-defg-hij')],
  ['Meet in quotes', '"https://meet.google.com/abc-defg-hij"', meet('abc-defg-hij')],
  ['Meet ending a sentence', 'Join here: https://meet.google.com/abc-defg-hij.', meet('abc-defg-hij')],
  ['Meet in parentheses', 'Standup (https://meet.google.com/abc-defg-hij), as usual', meet('abc-defg-hij')],
  ['Meet in Markdown', '[Join the call](https://meet.google.com/abc-defg-hij)', meet('abc-defg-hij')],
  ['bare Meet code', 'abc-defg-hij', meet('abc-defg-hij')],
  ['bare Meet code in capitals, padded', '  ABC-DEFG-HIJ \n', meet('abc-defg-hij')],
  ['Workspace nickname', 'https://meet.google.com/team-standup', meet('team-standup')],
  ['g.co short link', 'https://g.co/meet/abc-defg-hij', meet('abc-defg-hij')],
  ['g.co short link to a nickname', 'g.co/meet/Design-Review', meet('design-review')],
  ['Meet app path', 'https://meet.google.com/_meet/abc-defg-hij?authuser=0', meet('abc-defg-hij')],
  ['Google Calendar invite body', GOOGLE_CALENDAR_INVITE, meet('abc-defg-hij')],
  ['invite that starts with its calendar link', CALENDAR_FIRST, meet('xyz-abcd-efg')],
  [
    'Gmail redirect wrapper',
    'https://www.google.com/url?q=https://meet.google.com/abc-defg-hij&sa=D&source=calendar&usg=AOvVaw0',
    meet('abc-defg-hij'),
  ],
  ['Meet phone-numbers page', 'https://tel.meet/abc-defg-hij?pin=1234567890123', meet('abc-defg-hij')],
  ['labelled Meet code', 'Google Meet — meeting code: abc-defg-hij', meet('abc-defg-hij')],
  ['Meet lookup link', 'https://meet.google.com/lookup/bx3kx5aqpr', no('lookup_link', 'lookup link')],
  [
    'Google Calendar event',
    'https://calendar.google.com/calendar/event?eid=NGE0aDFyZzQ',
    no('calendar_link', 'this is a Google Calendar link, not a Meet link — open the event and copy the Meet link'),
  ],
  ['Google Calendar editor', 'https://calendar.google.com/calendar/u/0/r/eventedit/NGE0', no('calendar_link', 'Google Calendar link')],
  ['Meet home page', 'https://meet.google.com/', no('missing_id', 'no meeting code')],
  ['Meet landing page', 'https://meet.google.com/landing?authuser=0', no('missing_id', 'no meeting code')],
  ['Meet code cut short', 'https://meet.google.com/ab', no('invalid_id', 'not a Google Meet code')],
  ['Meet code with underscores', 'https://meet.google.com/abc_defg_hij', no('invalid_id', 'abc-defg-hij')],
  ['Meet link with extra path', 'https://meet.google.com/abc-defg-hij/extra', no('invalid_id', 'whole link')],

  // Microsoft Teams
  ['Teams long link', TEAMS_LONG, teams(THREAD, TEAMS_LONG)],
  ['Teams long link in Outlook plain text', `Join the meeting now<${TEAMS_LONG}>`, teams(THREAD, TEAMS_LONG)],
  ['Outlook Teams invite with a help link first', OUTLOOK_TEAMS_INVITE, teams(THREAD, TEAMS_LONG)],
  ['Teams long link over http', TEAMS_LONG.replace('https:', 'http:'), teams(THREAD, TEAMS_LONG)],
  ['Teams long link in capitals', TEAMS_LONG.replace('teams.microsoft.com', 'TEAMS.MICROSOFT.COM'), teams(THREAD, TEAMS_LONG)],
  [
    'Teams long link copied from the address bar, context decoded',
    `https://teams.microsoft.com/l/meetup-join/${THREAD}/0?context={"Tid":"72f988bf","Oid":"d2f1c5a0"}`,
    teams(THREAD, `https://teams.microsoft.com/l/meetup-join/${THREAD}/0?context={%22Tid%22:%2272f988bf%22,%22Oid%22:%22d2f1c5a0%22}`),
  ],
  ['Teams msteams: link', `msteams:/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`, teams(THREAD, TEAMS_LONG)],
  ['Teams msteams:// link', `msteams://teams.microsoft.com/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`, teams(THREAD, TEAMS_LONG)],
  [
    'Teams link behind Outlook Safe Links',
    `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(TEAMS_LONG)}&data=05%7C02%7C&sdata=abc%3D&reserved=0`,
    teams(THREAD, TEAMS_LONG),
  ],
  [
    'Teams launcher page',
    `https://teams.microsoft.com/dl/launcher/launcher.html?url=${encodeURIComponent(`/_#/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`)}&type=meetup-join&directDl=true&msLaunch=true`,
    teams(THREAD, TEAMS_LONG),
  ],
  ['Teams old web deep link', `https://teams.microsoft.com/_#/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`, teams(THREAD, TEAMS_LONG)],
  [
    'Teams on the DoD cloud',
    `https://dod.teams.microsoft.us/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`,
    teams(THREAD, `https://dod.teams.microsoft.us/l/meetup-join/${THREAD_ENC}/0?${CONTEXT}`),
  ],
  [
    'Teams personal link',
    'https://teams.live.com/meet/9398850720294?p=AbCdEf12',
    teams('9398850720294', 'https://teams.live.com/meet/9398850720294?p=AbCdEf12', 'AbCdEf12'),
  ],
  [
    'Teams personal link without passcode',
    'https://teams.live.com/meet/9398850720294',
    teams('9398850720294', 'https://teams.live.com/meet/9398850720294'),
  ],
  [
    'Teams work meeting-ID link',
    'https://teams.microsoft.com/meet/3819259144678?p=Zq2Wx7',
    teams('3819259144678', 'https://teams.microsoft.com/meet/3819259144678?p=Zq2Wx7', 'Zq2Wx7'),
  ],
  [
    'Teams on GCC',
    'https://gov.teams.microsoft.us/meet/3819259144678?p=Zq2Wx7',
    teams('3819259144678', 'https://gov.teams.microsoft.us/meet/3819259144678?p=Zq2Wx7', 'Zq2Wx7'),
  ],
  [
    'Teams v2 deep link',
    'https://teams.microsoft.com/v2/?meetingjoin=true#/meet/38192591446789?p=XyZ123&anon=true',
    teams('38192591446789', 'https://teams.microsoft.com/v2/?meetingjoin=true#/meet/38192591446789?p=XyZ123&anon=true', 'XyZ123'),
  ],
  [
    'Teams link with an odd passcode keeps it in the link only',
    'https://teams.live.com/meet/9398850720294?p=ab',
    teams('9398850720294', 'https://teams.live.com/meet/9398850720294?p=ab'),
  ],
  [
    'new Teams invite with the passcode on its own line',
    NEW_TEAMS_INVITE,
    teams('3819259144678', 'https://teams.microsoft.com/meet/3819259144678', 'Zq2Wx7'),
  ],
  [
    'Teams meeting ID and passcode without a link',
    'Microsoft Teams\nMeeting ID: 381 925 914 467 8\nPasscode: Zq2Wx7',
    teams('3819259144678', undefined, 'Zq2Wx7'),
  ],
  ['bare 13-digit ID typed in groups', '381 925 914 467 8', teams('3819259144678')],
  ['bare 12-digit ID', '233944611555', teams('233944611555')],
  ['Teams help short link', 'https://aka.ms/JoinTeamsMeeting?omkt=en-US', no('short_link', 'open it in a browser')],
  ['Teams long link cut short', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_', no('invalid_id', 'cut short')],
  ['Teams meeting chat', `https://teams.microsoft.com/l/chat/${THREAD_ENC}/conversations?${CONTEXT}`, no('missing_id', 'chat or channel')],
  [
    'Teams meeting options',
    'https://teams.microsoft.com/meetingOptions/?organizerId=d2f1&threadId=19_meeting_NjQ4@thread.v2',
    no('missing_id', 'meeting options'),
  ],
  ['Teams short link with letters', 'https://teams.live.com/meet/abcdef', no('invalid_id', 'not a Teams meeting ID')],
  ['Teams home page', 'https://teams.microsoft.com/', no('missing_id', 'Join the meeting now')],

  // Zoom
  ['Zoom link', 'https://zoom.us/j/84512345678', zoom('84512345678', 'https://zoom.us/j/84512345678')],
  [
    'Zoom regional host with pwd',
    `https://us06web.zoom.us/j/84512345678?pwd=${ZOOM_PWD}`,
    zoom('84512345678', `https://us06web.zoom.us/j/84512345678?pwd=${ZOOM_PWD}`, ZOOM_PWD),
  ],
  [
    'Zoom vanity subdomain',
    'https://acme.zoom.us/j/912345678?pwd=xYz',
    zoom('912345678', 'https://acme.zoom.us/j/912345678?pwd=xYz', 'xYz'),
  ],
  ['Zoom over http in capitals', 'HTTP://ZOOM.US/j/84512345678', zoom('84512345678', 'https://zoom.us/j/84512345678')],
  ['Zoom webinar join', 'https://zoom.us/w/98765432101?tk=abc.def', zoom('98765432101', 'https://zoom.us/w/98765432101?tk=abc.def')],
  ['Zoom web client /wc/join', 'https://zoom.us/wc/join/84512345678', zoom('84512345678', 'https://zoom.us/wc/join/84512345678')],
  [
    'Zoom web client /wc/<id>/join',
    'https://app.zoom.us/wc/84512345678/join?pwd=abc',
    zoom('84512345678', 'https://app.zoom.us/wc/84512345678/join?pwd=abc', 'abc'),
  ],
  [
    'Zoom start link drops the host token',
    'https://zoom.us/s/84512345678?zak=eyJ0eXAiOiJKV1Qi',
    zoom('84512345678', 'https://zoom.us/j/84512345678'),
  ],
  ['Zoom for Government', 'https://zoomgov.com/j/1601234567?pwd=Q1', zoom('1601234567', 'https://zoomgov.com/j/1601234567?pwd=Q1', 'Q1')],
  [
    'Zoom app link',
    'zoommtg://zoom.us/join?action=join&confno=84512345678&pwd=Q1',
    zoom('84512345678', 'https://zoom.us/j/84512345678?pwd=Q1', 'Q1'),
  ],
  ['Zoom invite body', ZOOM_INVITE, zoom('84512345678', `https://us06web.zoom.us/j/84512345678?pwd=${ZOOM_PWD}`, ZOOM_PWD)],
  [
    'Zoom link plus a passcode line',
    'Zoom: https://zoom.us/j/84512345678\nPasscode: 123456',
    zoom('84512345678', 'https://zoom.us/j/84512345678', '123456'),
  ],
  [
    'Zoom link with tracking',
    'https://zoom.us/j/84512345678?pwd=Q1&utm_source=newsletter&utm_medium=email',
    zoom('84512345678', 'https://zoom.us/j/84512345678?pwd=Q1', 'Q1'),
  ],
  [
    'Zoom link with a zero-width space from rich text',
    'https://zoom.us/j/84512345678\u200b',
    zoom('84512345678', 'https://zoom.us/j/84512345678'),
  ],
  [
    'Zoom web-client start link drops the host token',
    'https://zoom.us/wc/84512345678/start?zak=eyJ0eXAiOiJKV1Qi&pwd=Q1',
    zoom('84512345678', 'https://zoom.us/j/84512345678?pwd=Q1', 'Q1'),
  ],
  ['Zoom link in HTML', '<a href="https://zoom.us/j/84512345678">Join</a>', zoom('84512345678', 'https://zoom.us/j/84512345678')],
  ['Zoom ID typed with spaces', '123 4567 8901', zoom('12345678901', 'https://zoom.us/j/12345678901')],
  ['Zoom ID typed with dashes', '123-4567-8901', zoom('12345678901', 'https://zoom.us/j/12345678901')],
  ['9-digit Zoom ID', '912345678', zoom('912345678', 'https://zoom.us/j/912345678')],
  [
    'Zoom ID and passcode without a link',
    'Zoom meeting\nMeeting ID: 845 1234 5678\nPasscode: 123456',
    zoom('84512345678', 'https://zoom.us/j/84512345678', '123456'),
  ],
  [
    'Zoom webinar registration',
    'https://us02web.zoom.us/webinar/register/WN_a1B2c3D4e5F6g7H8',
    no(
      'registration_link',
      'This is a Zoom webinar registration page. Register first, then paste the join link from the confirmation email.',
    ),
  ],
  ['Zoom meeting registration', 'https://zoom.us/meeting/register/tJ0kcO2grz8', no('registration_link', 'Register first')],
  ['Zoom personal room', 'https://zoom.us/my/jane.doe', no('personal_link', 'personal room')],
  ['Zoom recording', 'https://zoom.us/rec/share/AbCdEf.GhIj', no('missing_id', 'recording')],
  ['Zoom ID too short', 'https://zoom.us/j/12345', no('invalid_id', '9 to 11 digits')],
  ['Zoom Events', 'https://events.zoom.us/ev/AbCdEf', no('unsupported_platform', 'Zoom Events')],
  ['Zoom home page', 'https://zoom.us/', no('missing_id', 'zoom.us/j/')],

  // Jitsi
  ['meet.jit.si room', 'https://meet.jit.si/WeeklyPlanning', jitsi('WeeklyPlanning', 'https://meet.jit.si/WeeklyPlanning')],
  [
    'meet.jit.si room with config',
    'meet.jit.si/WeeklyPlanning#config.startWithAudioMuted=true',
    jitsi('WeeklyPlanning', 'https://meet.jit.si/WeeklyPlanning#config.startWithAudioMuted=true'),
  ],
  ['self-hosted Jitsi by name', 'https://jitsi.example.org/Room1', jitsi('Room1@jitsi.example.org', 'https://jitsi.example.org/Room1')],
  [
    'self-hosted Jitsi on a meet. host',
    'https://meet.example.org/standup',
    jitsi('standup@meet.example.org', 'https://meet.example.org/standup'),
  ],
  [
    'regional Jitsi host',
    'https://eu.meet.example.org/standup/',
    jitsi('standup@eu.meet.example.org', 'https://eu.meet.example.org/standup/'),
  ],
  [
    'a surer link wins over a meet. host',
    'Backup room https://meet.example.org/x, main https://meet.google.com/abc-defg-hij',
    meet('abc-defg-hij'),
  ],
  ['Jitsi without a room', 'https://meet.jit.si/', no('missing_id', 'no room name')],
  ['Jitsi with a nested path', 'https://jitsi.example.org/team/room', no('invalid_id', 'not a Jitsi room name')],
  ['Jitsi room with URL characters', 'https://meet.jit.si/a=b', no('invalid_id', 'cannot be used as a meeting ID')],
  ['GoTo on a meet. host', 'https://meet.goto.com/123456789', no('unsupported_platform', 'GoTo Meeting is not supported')],

  // Everything else
  ['empty', '', no('empty', 'Paste a')],
  ['only spaces', ' \n\t ', no('empty', 'Paste a')],
  ['too long', `https://meet.google.com/abc-defg-hij ${'x'.repeat(10_000)}`, no('too_long', 'paste just the link')],
  ['plain words', 'see you at 10', no('not_a_link', 'No meeting link found')],
  [
    'Slack',
    'https://acme.slack.com/archives/C01ABC/p1700000000',
    no('unsupported_host', 'That looks like a Slack link, not a meeting link'),
  ],
  ['Google Docs', 'https://docs.google.com/document/d/1AbC/edit', no('unsupported_host', 'Google Docs link')],
  ['Webex', 'https://acme.webex.com/meet/jane', no('unsupported_platform', 'Webex is not supported')],
  ['Outlook calendar', 'https://outlook.office.com/calendar/item/AAMkAG', no('calendar_link', 'Outlook calendar link')],
  ['bit.ly', 'https://bit.ly/3abcXYZ', no('short_link', 'shortened link (bit.ly)')],
  ['unknown host', 'https://example.com/meeting/42', no('unsupported_host', 'not a meeting link Vexa knows (example.com)')],
  [
    'localhost',
    'http://localhost:8000/room',
    no('private_address', 'The bot joins over the internet and cannot open a link to this computer or a private address.'),
  ],
  ['loopback IP', 'https://127.0.0.1/room', no('private_address', 'private address')],
  ['private network IP', '192.168.1.20/standup', no('private_address', 'private address')],
  ['IPv6 loopback', 'https://[::1]:8443/room', no('private_address', 'private address')],
  ['.local name', 'https://jitsi.local/room', no('private_address', 'private address')],
  ['public IP', 'https://203.0.113.7/room', no('ip_address', 'not an IP address')],
  ['mailto link', 'mailto:jane@example.com', no('not_a_link', 'No meeting link found')],
  ['javascript link', 'javascript:alert(1)', no('not_a_link', 'No meeting link found')],
  ['phone number with a country code', '+1 646 558 8656', no('not_a_link', 'No meeting link found')],
  ['8 digits', '12345678', no('not_a_link', 'No meeting link found')],
  ['16 digits', '1234567890123456', no('not_a_link', 'No meeting link found')],
  [
    'Slack plus a labelled Zoom ID',
    'https://acme.slack.com/archives/C01 Zoom Meeting ID: 845 1234 5678',
    zoom('84512345678', 'https://zoom.us/j/84512345678'),
  ],
];
