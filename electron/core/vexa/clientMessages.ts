/** Sentences for features a server generation lacks: what is missing and what to do instead. */
export const clientMessages = {
  noAuthMe: () => 'This server (Vexa 0.9 or earlier) cannot report the account behind a key.',
  meetingGone: () => 'This meeting is no longer on the server. It may have been deleted.',
  noMeetingEdit: () =>
    'This server (Vexa 0.12 or later) cannot rename a meeting or change its notes once a bot has joined it. The name and notes can be kept in this app only.',
  noBotConfig: () =>
    "This server (Vexa 0.12 or later) cannot change a running bot's language. Stop the bot and send a new one with the language you want.",
  noBotsList: () => 'This server (Vexa 0.9 or earlier) has no bot list; the running bots are shown from the bot status instead.',
  noTranscriptById: () => 'This server cannot open a transcript by its meeting number; open it by platform and meeting ID instead.',
  noDeleteById: () =>
    'This server (Vexa 0.10 or earlier) has no planned meetings and cannot delete a meeting by its number; delete it by platform and meeting ID instead.',
  shareForOtherMeeting: () => 'The server made a share link for another meeting than this one, so it is not shown. Try again.',
  adminNoUserList: () => "This server's admin API (Vexa 0.12 or later) cannot list all users. Look a user up by email or ID instead.",
  adminNoRename: () => "This server's admin API (Vexa 0.12 or later) cannot change a user's name; only the bot limit can be changed.",
  adminNotHere: (host: string) =>
    `There is no admin API at ${host}. On Vexa 0.12 or later the admin API has its own address (port 8001 inside the server, often 18057 on the host); enter that address for admin tasks.`,
  noWebhookRead: () =>
    'This server (Vexa 0.10 or earlier) cannot show which webhook is set. Setting one again replaces it; clearing it turns it off.',
  noParticipants: () =>
    'This server (Vexa 0.9 or earlier) does not list who took part in a meeting; only the names entered in the meeting’s details are known.',
  noWebhookDeliveries: () => 'This server (Vexa 0.10 or earlier) keeps no log of webhook deliveries. Check your receiving service instead.',
};
