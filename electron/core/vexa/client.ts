import {
  STOP_MESSAGES,
  VexaError,
  capabilitiesFor,
  isVexaError,
  normaliseAuthMe,
  normaliseBotStatus,
  normaliseChat,
  normaliseChatAnswer,
  normaliseMeeting,
  normaliseParticipants,
  normaliseShare,
  normaliseStop,
  normaliseTranscript,
  unsupported,
} from '../../../shared/vexa';
import type {
  AuthMe,
  Me,
  Webhook,
  WebhookDelivery,
  WebhookInput,
  BotStatusEntry,
  ChatMessage,
  LaunchBotRequest,
  Meeting,
  MeetingPage,
  MeetingParticipants,
  MeetingPatch,
  ServerCapabilities,
  ServerGeneration,
  ServerPlatform,
  ShareLink,
  StopResult,
  Transcript,
  Recording,
} from '../../../shared/vexa';
import { clearWebhook, fetchDeliveries, fetchMe, fetchWebhook, putWebhook } from './account';
import { seg } from './http';
import type { QueryValue, VexaHttp } from './http';
import { clientMessages } from './clientMessages';
import { launchBody } from './launchBody';
import { planningApi, type PlanningApi } from './planning';
import { deleteRecording, listMeetingRecordings, openRecordingMedia } from './recordings';
import { listAllMeetingPages, listBotsPage, listMeetingsPage, type ListAllMeetingsQuery, type ListMeetingsQuery } from './listQuery';

export type { ListAllMeetingsQuery, ListMeetingsQuery } from './listQuery';

export interface CallOptions {
  signal?: AbortSignal;
}

const path = {
  bot: (p: string, n: string) => `/bots/${seg(p)}/${seg(n)}`,
  meeting: (p: string, n: string) => `/meetings/${seg(p)}/${seg(n)}`,
  transcript: (p: string, n: string) => `/transcripts/${seg(p)}/${seg(n)}`,
};

/**
 * One method per user endpoint of the Vexa API, speaking G3 where the generations differ and
 * normalising every answer. Features a generation lacks throw `unsupported` with a sentence that
 * explains what to do instead; callers should check `capabilities` first to hide them.
 */
export class VexaClient {
  readonly capabilities: ServerCapabilities;

  constructor(
    private readonly http: VexaHttp,
    readonly server: { generation: ServerGeneration; capabilities?: ServerCapabilities },
  ) {
    this.capabilities = server.capabilities ?? capabilitiesFor(server.generation);
  }

  get generation(): ServerGeneration {
    return this.server.generation;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  private async get(p: string, query: Record<string, QueryValue> | undefined, o: CallOptions): Promise<unknown> {
    return (await this.http.request(p, { query, signal: o.signal })).body;
  }

  async authMe(o: CallOptions = {}): Promise<AuthMe> {
    if (!this.capabilities.authMe) throw unsupported(clientMessages.noAuthMe());
    return normaliseAuthMe(await this.get('/auth/me', undefined, o));
  }

  /** The account behind this key and what its scopes unlock (G2/G3; `unsupported` on G1). */
  me(o: CallOptions = {}): Promise<Me> {
    return fetchMe(this.target(o));
  }

  /** The webhook that is set (G3; `unsupported` on G1/G2, which cannot read it back). */
  getWebhook(o: CallOptions = {}): Promise<Webhook> {
    return fetchWebhook(this.target(o));
  }

  setWebhook(input: WebhookInput, o: CallOptions = {}): Promise<Webhook> {
    return putWebhook(this.target(o), input);
  }

  clearWebhook(o: CallOptions = {}): Promise<void> {
    return clearWebhook(this.target(o));
  }

  /** Recent delivery attempts, newest first (G3; `unsupported` elsewhere). */
  webhookDeliveries(q: { limit?: number } = {}, o: CallOptions = {}): Promise<WebhookDelivery[]> {
    return fetchDeliveries(this.target(o), q.limit);
  }

  /** What the account and list calls need of this client (`account.ts`, `listQuery.ts`). */
  private target(o: CallOptions) {
    return { http: this.http, generation: this.generation, capabilities: this.capabilities, signal: o.signal };
  }

  /** Planned meetings and calendar feeds (G3; `unsupported` elsewhere): `planning.ts`. */
  planning(o: CallOptions = {}): PlanningApi {
    return planningApi(this.target(o));
  }

  listMeetings(q: ListMeetingsQuery = {}, o: CallOptions = {}): Promise<MeetingPage> {
    return listMeetingsPage(this.target(o), q);
  }

  listAllMeetings(q: ListAllMeetingsQuery = {}, o: CallOptions = {}): Promise<{ meetings: Meeting[]; complete: boolean }> {
    return listAllMeetingPages(this.target(o), q);
  }

  async getMeeting(id: number, o: CallOptions = {}): Promise<Meeting> {
    if (!this.capabilities.meetingById) {
      // G1 has no GET /meetings/{id}; the list carries full rows (what Vexa-Dashboard does).
      const { meetings } = await this.listAllMeetings({}, o);
      const found = meetings.find((m) => m.id === id);
      if (!found) throw new VexaError({ code: 'not_found', status: 404, userMessage: clientMessages.meetingGone() });
      return found;
    }
    return normaliseMeeting(await this.get(`/meetings/${seg(id)}`, undefined, o));
  }

  /**
   * G1/G2 `PATCH /meetings/{platform}/{native_id}`: the server edits the newest meeting on that
   * link and answers with it, so compare its id with the meeting meant (see `linkTarget.ts`).
   */
  async updateMeeting(platform: ServerPlatform, nativeId: string, patch: MeetingPatch, o: CallOptions = {}): Promise<Meeting> {
    if (!this.capabilities.meetingEdit) throw unsupported(clientMessages.noMeetingEdit());
    const data: Record<string, unknown> = {};
    if (patch.name !== undefined) data.name = patch.name;
    if (patch.notes !== undefined) data.notes = patch.notes;
    if (patch.participants !== undefined) data.participants = patch.participants;
    if (patch.languages !== undefined) data.languages = patch.languages;
    const res = await this.http.request(path.meeting(platform, nativeId), { method: 'PATCH', body: { data }, signal: o.signal });
    return normaliseMeeting(res.body);
  }

  /**
   * Deletes the transcript and recordings of the newest finished meeting on that link (the row
   * itself stays, anonymised); an older meeting on a recurring link is reached only by id.
   */
  async deleteMeeting(platform: ServerPlatform, nativeId: string, o: CallOptions = {}): Promise<void> {
    await this.http.request(path.meeting(platform, nativeId), { method: 'DELETE', signal: o.signal });
  }

  /**
   * G3 only (`DELETE /meetings/{id}`, by row id): deletes a planned meeting outright, or the
   * transcript and recordings of a finished one (its row stays). The one way to reach exactly one
   * meeting of a recurring link, or a plan made without a link. G1/G2 have no such route.
   */
  async deleteMeetingById(id: number, o: CallOptions = {}): Promise<void> {
    if (!this.deletesById) throw unsupported(clientMessages.noDeleteById());
    await this.http.request(`/meetings/${seg(id)}`, { method: 'DELETE', signal: o.signal });
  }

  /** Whether `deleteMeetingById` exists on this server (G3, the generation with planned meetings). */
  get deletesById(): boolean {
    return this.capabilities.plannedMeetings;
  }

  async launchBot(req: LaunchBotRequest, o: CallOptions = {}): Promise<Meeting> {
    const res = await this.http.request('/bots', { method: 'POST', body: launchBody(this.generation, req), signal: o.signal });
    return normaliseMeeting(res.body);
  }

  async stopBot(platform: ServerPlatform, nativeId: string, o: CallOptions = {}): Promise<StopResult> {
    try {
      const res = await this.http.request(path.bot(platform, nativeId), { method: 'DELETE', signal: o.signal });
      return normaliseStop(res.body);
    } catch (e) {
      // G1/G2 "No meeting found to stop."; G3 "No active meeting for this bot" (also on a second stop).
      if (isVexaError(e) && e.code === 'not_found') {
        return { accepted: false, alreadyFinished: true, message: STOP_MESSAGES.alreadyFinished };
      }
      throw e;
    }
  }

  async updateBotConfig(
    platform: ServerPlatform,
    nativeId: string,
    config: { language?: string; task?: 'transcribe' | 'translate' },
    o: CallOptions = {},
  ): Promise<void> {
    if (!this.capabilities.botConfigUpdate) throw unsupported(clientMessages.noBotConfig());
    const body: Record<string, unknown> = {};
    if (config.language !== undefined) body.language = config.language;
    if (config.task !== undefined) body.task = config.task;
    await this.http.request(`${path.bot(platform, nativeId)}/config`, { method: 'PUT', body, signal: o.signal });
  }

  async botStatus(o: CallOptions = {}): Promise<BotStatusEntry[]> {
    return normaliseBotStatus(await this.get('/bots/status', undefined, o));
  }

  async listBots(q: ListMeetingsQuery = {}, o: CallOptions = {}): Promise<MeetingPage> {
    if (!this.capabilities.botsList) throw unsupported(clientMessages.noBotsList());
    return listBotsPage(this.target(o), q);
  }

  async getTranscript(
    platform: ServerPlatform,
    nativeId: string,
    q: { meetingId?: number } = {},
    o: CallOptions = {},
  ): Promise<Transcript> {
    // G3 ignores ?meeting_id= and answers the newest row; its by-id route picks the exact one.
    if (q.meetingId !== undefined && this.capabilities.transcriptsById) return this.getTranscriptById(q.meetingId, o);
    return normaliseTranscript(await this.get(path.transcript(platform, nativeId), { meeting_id: q.meetingId }, o));
  }

  /**
   * The transcript body as the server sent it, for the live merge engine, which reads every
   * generation's segment shape itself and keys them the same way as live frames.
   */
  async getTranscriptRaw(
    platform: ServerPlatform,
    nativeId: string,
    q: { meetingId?: number } = {},
    o: CallOptions = {},
  ): Promise<unknown> {
    if (q.meetingId !== undefined && this.capabilities.transcriptsById)
      return this.get(`/transcripts/by-id/${seg(q.meetingId)}`, undefined, o);
    return this.get(path.transcript(platform, nativeId), { meeting_id: q.meetingId }, o);
  }

  async getTranscriptById(meetingId: number, o: CallOptions = {}): Promise<Transcript> {
    if (!this.capabilities.transcriptsById) throw unsupported(clientMessages.noTranscriptById());
    return normaliseTranscript(await this.get(`/transcripts/by-id/${seg(meetingId)}`, undefined, o));
  }

  /**
   * G1/G2: a public link; `meeting_id` makes the gateway check and store exactly that row. G3: a
   * capability token, by row id where one is given (`POST /meetings/{id}/share`), since its link
   * route mints for the newest meeting on the link; the token ("<meeting_id>.<secret>") must name
   * the meeting asked for.
   */
  async createShare(
    platform: ServerPlatform,
    nativeId: string,
    q: { ttlSeconds?: number; meetingId?: number } = {},
    o: CallOptions = {},
  ): Promise<ShareLink> {
    if (this.capabilities.publicShareLinks) {
      const p = `${path.transcript(platform, nativeId)}/share`;
      const res = await this.http.request(p, {
        method: 'POST',
        query: { meeting_id: q.meetingId, ttl_seconds: q.ttlSeconds },
        signal: o.signal,
      });
      return normaliseShare(res.body);
    }
    // G3 mints from a JSON body and ignores the query.
    const p = q.meetingId === undefined ? `${path.transcript(platform, nativeId)}/share` : `/meetings/${seg(q.meetingId)}/share`;
    const body = q.ttlSeconds === undefined ? {} : { expires_in_sec: q.ttlSeconds };
    const link = normaliseShare((await this.http.request(p, { method: 'POST', body, signal: o.signal })).body);
    if (q.meetingId !== undefined && link.kind === 'capability-token' && link.token.split('.')[0] !== String(q.meetingId))
      throw new VexaError({ code: 'invalid_response', userMessage: clientMessages.shareForOtherMeeting() });
    return link;
  }

  /** The recordings of one meeting, by the server's meeting id (every generation). */
  listRecordings(meetingId: number, o: CallOptions = {}): Promise<Recording[]> {
    return listMeetingRecordings(this.target(o), meetingId);
  }

  deleteRecording(recordingId: number, o: CallOptions = {}): Promise<void> {
    return deleteRecording(this.target(o), recordingId);
  }

  /** A recording's bytes as they stream (a `Range` gives a 206); the caller reads or cancels the body. */
  openRecordingMedia(recordingId: number, mediaId: number, range: string | null, o: CallOptions = {}): Promise<Response> {
    return openRecordingMedia(this.target(o), recordingId, mediaId, range);
  }

  async getChat(platform: ServerPlatform, nativeId: string, o: CallOptions = {}): Promise<ChatMessage[]> {
    // G3 always answers an empty list: chat arrives as transcript segments with source "chat".
    if (!this.capabilities.chat) return [];
    return normaliseChat(await this.get(`${path.bot(platform, nativeId)}/chat`, undefined, o));
  }

  /**
   * Who took part in the newest meeting on a link: G2 speakers with their talk time, G3 invitees and
   * speakers (see `shared/vexa/participants.ts`). `meetingId` in the answer names the row that
   * answered; a caller asking about an older meeting of a recurring link must compare it.
   */
  async getParticipants(platform: ServerPlatform, nativeId: string, o: CallOptions = {}): Promise<MeetingParticipants> {
    if (!this.capabilities.participants) throw unsupported(clientMessages.noParticipants());
    const p =
      this.generation === 'g3' ? `${path.meeting(platform, nativeId)}/participants` : `${path.bot(platform, nativeId)}/participants`;
    return normaliseParticipants(await this.get(p, undefined, o));
  }

  /**
   * The chat of one meeting (G1/G2): the route answers for the newest meeting on the link, so an
   * answer for another row is null rather than another meeting's messages. G3 has none here (its
   * chat is in the transcript, `source: "chat"`).
   */
  async getMeetingChat(platform: ServerPlatform, nativeId: string, meetingId: number, o: CallOptions = {}): Promise<ChatMessage[] | null> {
    if (!this.capabilities.chat) return [];
    const answer = normaliseChatAnswer(await this.get(`${path.bot(platform, nativeId)}/chat`, undefined, o));
    return answer.meetingId !== null && answer.meetingId !== meetingId ? null : answer.messages;
  }
}
