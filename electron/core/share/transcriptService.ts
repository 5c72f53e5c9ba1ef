import { isChat } from '../../../shared/vexa/chat';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { MeetingRef } from '../../../shared/ipc/models';
import type { ServerCapabilities } from '../../../shared/vexa/capabilities';
import { normaliseTranscript } from '../../../shared/vexa/normalise';
import type { ShareLink, Transcript } from '../../../shared/vexa/types';
// The export modules themselves, not their index: it also loads the formats' libraries (pdfkit,
// fontkit, docx), which the core loads on the first export rather than when it starts.
import { exportFileName, meetingDay } from '../export/fileName';
import { EXPORT_FORMATS, ExportError, type ExportFormat, type ExportInput, type ExportOptions } from '../export/types';
import type { Clipboard, Dialogs, ExternalOpener, Logger } from '../ports';
import type { VexaClient } from '../vexa';
import { platformLabel } from '../export/docModel';
import { inProcessExports, type ExportRunner } from '../export/exportRunner';
import { AI_TOOLS, PASTE_PROMPT, promptFor, toolLink, type AiTool } from './handoff';

export type { MeetingRef } from '../../../shared/ipc/models';

/** `partial`: only the lines this computer holds went into the file (the server was out of reach). */
export type SaveOutcome =
  | { mode: 'saved'; path: string; fileName: string; partial: boolean }
  | { mode: 'download'; fileName: string; mimeType: string; base64: string; partial: boolean }
  | { mode: 'cancelled' };

/** A meeting with the server it belongs to settled (`TranscriptService` settles it once per request). */
export type ServerMeetingRef = MeetingRef & { serverId: string };

export interface TranscriptServiceDeps {
  /** The client of a connected server. */
  client(serverId: string): VexaClient;
  /** What a connected server can do, as its last check found. */
  capabilities(serverId: string): ServerCapabilities;
  /** The current server's id (the server of a ref that names none), or null when there is none. */
  activeServerId(): string | null;
  /** Whether the server can be asked now (connected with its key). */
  isConnected(serverId: string): boolean;
  /** What the person calls the server, for sentences that name it. */
  serverLabel?(serverId: string): string;
  /** For a ref that names no server while none is current: the servers whose meeting this computer holds under these ids. */
  cachedServersOf?(ref: MeetingRef): Promise<string[]>;
  /**
   * A transcript the app already holds (the local cache), or null to read it from the server:
   * `complete` only a whole one; `partial` whatever lines are here (when the server is out of reach).
   */
  cached?(ref: ServerMeetingRef, accept: 'complete' | 'partial'): Promise<ExportInput | null>;
  /** The transcript with the person's speaker corrections (core/speakers); the server sends its own labels. */
  correctSpeakers?(ref: ServerMeetingRef, transcript: () => Transcript): Transcript | null;
  /** The meeting's name as this computer knows it (the library, a followed meeting), or null. */
  meetingName?(ref: ServerMeetingRef): Promise<string | null>;
  dialogs: Dialogs;
  clipboard: Clipboard;
  opener: ExternalOpener;
  logger: Logger;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  now(): number;
  /** Where exports run (default: on this thread); the app gives them a worker thread. */
  exports?: ExportRunner;
}

/** Enough for the header, the notes of a typical meeting and the first lines of what was said. */
const PREVIEW_LINES = 20;

const OTHER_TRANSCRIPT =
  'The server answered with the transcript of another meeting on this link, so nothing was made from it. This server cannot give the transcript of an older meeting on a recurring link.';

const NOTHING_HERE =
  "This meeting's transcript is not on this computer and no server is connected. Connect the meeting's server (from the list of servers) to export it.";
const SEVERAL_HERE =
  'More than one server has a meeting with these ids on this computer, and no server is connected. Open the meeting from the library to export it.';

/** Failures that mean the transcript's server cannot be asked now, as opposed to refusing it. */
const OUT_OF_REACH: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'server_error', 'upstream_down', 'not_connected']);

interface Source {
  input: ExportInput;
  /** Only the lines this computer holds: the server could not be reached for the whole transcript. */
  partial: boolean;
}

/** Export, copy, share links and hand-off to AI tools, for any meeting and any server generation. */
export class TranscriptService {
  private readonly exporter: ExportRunner;

  constructor(private readonly d: TranscriptServiceDeps) {
    this.exporter = d.exports ?? inProcessExports;
  }

  /**
   * The meeting's server: the one the ref names, else the current one, else (nothing current) the
   * one server whose meeting this computer holds under these ids. A sentence when there is none.
   */
  private async on(ref: MeetingRef): Promise<ServerMeetingRef> {
    const serverId = ref.serverId ?? this.d.activeServerId();
    if (serverId !== null) return { ...ref, serverId };
    const holding = (await this.d.cachedServersOf?.(ref)) ?? [];
    if (holding.length === 1) return { ...ref, serverId: holding[0]! };
    throw new UserFacingError('not_connected', holding.length === 0 ? NOTHING_HERE : SEVERAL_HERE);
  }

  /** "Lab server", or how the sentence reads without a name. */
  private serverName(ref: ServerMeetingRef): string {
    return this.d.serverLabel ? this.d.serverLabel(ref.serverId) : "the meeting's server";
  }

  private async transcript(ref: MeetingRef): Promise<Source & { ref: ServerMeetingRef }> {
    const on = await this.on(ref);
    const local = await this.d.cached?.(on, 'complete');
    if (local) return { input: local, partial: false, ref: on };
    try {
      if (!this.d.isConnected(on.serverId)) {
        throw new UserFacingError(
          'not_connected',
          `This meeting's transcript is not downloaded on this computer, and ${this.serverName(on)} is not connected. Reconnect it from the list of servers (enter its key again) to export the whole transcript.`,
        );
      }
      const raw = await this.d.client(on.serverId).getTranscriptRaw(on.platform, on.nativeMeetingId, { meetingId: on.meetingId });
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new ExportError('invalid_transcript', 'The server sent a transcript the app could not read.');
      // Asked by id (G3) or with `?meeting_id=` (G1/G2); a server that ignores it answers with the
      // newest meeting on the link, which must not be exported under this meeting's name.
      const answered = (raw as { id?: unknown }).id;
      if (typeof answered === 'number' && answered !== on.meetingId) throw new UserFacingError('other_meeting', OTHER_TRANSCRIPT);
      const fixed = this.d.correctSpeakers?.(on, () => normaliseTranscript(raw));
      return { input: fixed ?? (raw as Record<string, unknown>), partial: false, ref: on };
    } catch (e) {
      // Out of reach (offline, the server down, not connected): the lines this computer holds are
      // better than nothing, and the person is told the export is partial.
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && OUT_OF_REACH.has(code)) {
        const some = await this.d.cached?.(on, 'partial');
        if (some) return { input: some, partial: true, ref: on };
      }
      throw e;
    }
  }

  /** The speakers of a meeting, for the export's speaker filter (in order of first appearance). */
  async speakers(ref: MeetingRef): Promise<string[]> {
    const { input } = await this.transcript(ref);
    const t = isNormalised(input) ? input : normaliseTranscript(input);
    return [...new Set(t.segments.map((s) => s.speaker?.trim()).filter((s): s is string => !!s))];
  }

  /** Whether the transcript holds chat messages (lines with `source: "chat"`, shared/vexa/chat.ts). */
  async hasChat(ref: MeetingRef): Promise<boolean> {
    const { input } = await this.transcript(ref);
    const t = isNormalised(input) ? input : normaliseTranscript(input);
    return t.segments.some(isChat);
  }

  async preview(ref: MeetingRef, format: ExportFormat, options: ExportOptions): Promise<{ text: string; partial: boolean }> {
    const { input, partial } = await this.transcript(ref);
    // A docx or pdf has no readable first lines; its preview is the plain text of the same content.
    const shown = EXPORT_FORMATS[format].binary ? 'txt' : format;
    return { text: firstLines((await this.exporter.run(input, shown, options)) as string), partial };
  }

  async save(ref: MeetingRef, format: ExportFormat, options: ExportOptions): Promise<SaveOutcome> {
    const info = EXPORT_FORMATS[format];
    // The transcript first: a meeting that cannot be read is said before anything is asked.
    const { input, partial, ref: on } = await this.transcript(ref);
    const t = asTranscript(input);
    const name =
      (await this.d.meetingName?.(on))?.trim() || t.meeting.name?.trim() || `${platformLabel(ref.platform)} ${ref.nativeMeetingId}`;
    // The meeting's day where the person is (the dialog sends its time zone), not the export's.
    const fileName = exportFileName(name, meetingDay(t, this.d.now()), info.extension, options.timeZone ?? 'UTC');
    const make = (): Promise<string | Uint8Array> => this.exporter.run(input, format, { ...options, now: this.d.now() });
    if (!this.d.dialogs.canSave) {
      const data = await make();
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      return { mode: 'download', fileName, mimeType: info.mimeType, base64: Buffer.from(bytes).toString('base64'), partial };
    }
    // Then where to save: the dialog opens without waiting for a long export, and a cancel costs none.
    const path = await this.d.dialogs.saveFile({ defaultName: fileName, filters: [{ name: info.label, extensions: [info.extension] }] });
    if (!path) return { mode: 'cancelled' };
    await this.d.writeFile(path, await make());
    this.d.logger.info('Exported a transcript', { format, meetingId: ref.meetingId });
    return { mode: 'saved', path, fileName, partial };
  }

  /** Resolves with whether only the lines on this computer went to the clipboard. */
  async copy(ref: MeetingRef, as: 'text' | 'markdown', options: ExportOptions): Promise<{ partial: boolean }> {
    const { input, partial } = await this.transcript(ref);
    await this.d.clipboard.writeText((await this.exporter.run(input, as === 'markdown' ? 'md' : 'txt', options)) as string);
    return { partial };
  }

  async share(ref: MeetingRef, ttlSeconds: number): Promise<ShareLink> {
    const on = await this.on(ref);
    if (!this.d.isConnected(on.serverId)) {
      throw new UserFacingError(
        'not_connected',
        `Share links are made by the meeting's server, and ${this.serverName(on)} is not connected. Reconnect it from the list of servers (enter its key again) to share this meeting, or export or copy the transcript now.`,
      );
    }
    const caps = this.d.capabilities(on.serverId);
    if (!caps.publicShareLinks && !caps.shareTokens) {
      throw new UserFacingError('unsupported', 'This server cannot share transcripts. Export the transcript and send the file instead.');
    }
    // By the meeting's id on every generation: a link alone names the newest meeting on it.
    return this.d.client(on.serverId).createShare(on.platform, on.nativeMeetingId, { ttlSeconds, meetingId: on.meetingId });
  }

  /**
   * Opens an AI tool on the transcript: with a public share link in the prompt where the server
   * has them (`link`; a prompt too long for the tool's link goes to the clipboard whole and the
   * tool opens to paste it: `prompt`); otherwise the transcript goes to the clipboard and the tool
   * opens with a prompt to paste it (`clipboard`).
   */
  async handoff(
    ref: MeetingRef,
    tool: AiTool,
    template: string,
  ): Promise<{ mode: 'link' | 'prompt' | 'clipboard'; url: string; partial: boolean }> {
    const target = AI_TOOLS[tool];
    const on = await this.on(ref);
    if (this.d.isConnected(on.serverId) && this.d.capabilities(on.serverId).publicShareLinks) {
      try {
        const link = await this.share(on, 3600);
        if (link.kind === 'public-url') {
          const prompt = promptFor(template, link.url);
          const url = toolLink(tool, prompt);
          if (url) {
            await this.d.opener.openUrl(url);
            return { mode: 'link', url, partial: false };
          }
          await this.d.clipboard.writeText(prompt);
          await this.d.opener.openUrl(target.home);
          return { mode: 'prompt', url: target.home, partial: false };
        }
      } catch (e) {
        this.d.logger.warn('Share link failed; handing off through the clipboard', { error: String(e) });
      }
    }
    const { partial } = await this.copy(ref, 'text', {});
    const url = target.url(PASTE_PROMPT);
    await this.d.opener.openUrl(url);
    return { mode: 'clipboard', url, partial };
  }
}

function isNormalised(input: ExportInput): input is Transcript {
  const m = (input as { meeting?: unknown }).meeting;
  return !!m && typeof m === 'object' && 'nativeMeetingId' in m;
}

/** The transcript as the cache holds it or normalised from what the server sent. */
function asTranscript(input: ExportInput): Transcript {
  return isNormalised(input) ? input : normaliseTranscript(input);
}

function firstLines(text: string): string {
  return text.split('\n').slice(0, PREVIEW_LINES).join('\n');
}
