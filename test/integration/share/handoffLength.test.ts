import { describe, expect, it } from 'vitest';
import { createExternalOpener } from '../../../electron/main/shell/externalOpener';
import { MAX_EXTERNAL_URL_LENGTH, toAllowedExternalUrl } from '../../../electron/main/shell/navigation';
import { AI_TOOLS, DEFAULT_LINK_PROMPT, MAX_TOOL_URL_LENGTH } from '../../../electron/core/share/handoff';
import { TranscriptService } from '../../../electron/core/share/transcriptService';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import { quietLogger } from '../../support/logger';
import { fixtureJson } from '../../support/fixtures';

// "Open in ChatGPT / Perplexity / Claude" puts the prompt in the tool's URL, and the desktop
// app's opener refuses URLs over MAX_EXTERNAL_URL_LENGTH. A prompt that cannot fit goes to the
// clipboard whole (the share link with it) and the tool opens to paste it, never a refusal.

const g1 = fixtureJson<Record<string, unknown>>('export/g1.json');
const REF = { meetingId: 42, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij' };
const SHARE_URL = 'https://vexa.example/public/transcripts/Jq0c8pWn3kLrT5vX2yZ7aB.txt';

function service(generation: 'g2' | 'g3') {
  const opened: string[] = [];
  let clipboard = '';
  // The desktop app's own opener, over a shell that records what it was given.
  const opener = createExternalOpener({
    shell: { openExternal: async (url) => void opened.push(url), openPath: async () => '' },
    allowedFolders: () => [],
  });
  const transcripts = new TranscriptService({
    client: () =>
      ({
        getTranscriptRaw: async () => g1,
        createShare: async () => ({ kind: 'public-url', url: SHARE_URL, shareId: 'Jq0c8pWn3kLrT5vX2yZ7aB', expiresAt: null }),
      }) as never,
    capabilities: () => capabilitiesFor(generation),
    activeServerId: () => 'https://vexa.example',
    isConnected: () => true,
    dialogs: { canSave: false, saveFile: async () => null },
    clipboard: { readText: async () => clipboard, writeText: async (text) => void (clipboard = text) },
    opener,
    logger: quietLogger,
    writeFile: async () => {},
    now: () => Date.UTC(2026, 5, 30, 12),
  });
  return { transcripts, opened, clipboard: () => clipboard };
}

// The longest template Settings take (2000 characters), in words that URL-encode to several bytes each.
const LONG_TEMPLATE =
  `Lies das Protokoll unter {url} und fasse die Beschlüsse zusammen. ${'Nenne für jede Aufgabe die Verantwortlichen, das Fälligkeitsdatum und offene Fragen. '.repeat(30)}`.slice(
    0,
    2000,
  );

describe.each(Object.keys(AI_TOOLS) as Array<keyof typeof AI_TOOLS>)('a hand-off to %s', (tool) => {
  it('keeps within the opener’s URL limit', () => {
    expect(MAX_TOOL_URL_LENGTH).toBeLessThanOrEqual(MAX_EXTERNAL_URL_LENGTH);
  });

  it('sends a prompt that fits in the link, whole', async () => {
    const { transcripts, opened, clipboard } = service('g2');
    const outcome = await transcripts.handoff(REF, tool, DEFAULT_LINK_PROMPT);
    expect(outcome).toMatchObject({ mode: 'link', partial: false });
    expect(opened).toEqual([outcome.url]);
    expect(new URL(outcome.url).searchParams.get('q')).toBe(DEFAULT_LINK_PROMPT.replace('{url}', SHARE_URL));
    expect(clipboard()).toBe('');
  });

  it('puts a prompt too long for the link on the clipboard, whole, and opens the tool to paste it', async () => {
    const { transcripts, opened, clipboard } = service('g2');
    const outcome = await transcripts.handoff(REF, tool, LONG_TEMPLATE);
    expect(outcome).toMatchObject({ mode: 'prompt', partial: false });
    expect(opened).toEqual([outcome.url]);
    expect(toAllowedExternalUrl(outcome.url)).toBe(outcome.url);
    expect(clipboard()).toBe(LONG_TEMPLATE.split('{url}').join(SHARE_URL));
  });

  it('never cuts the share link off the end of a long prompt', async () => {
    const { transcripts, clipboard } = service('g2');
    const template = `${'Summarise the decisions, the owners and the open questions. '.repeat(31)}{url}`;
    const outcome = await transcripts.handoff(REF, tool, template);
    const sent = outcome.mode === 'link' ? (new URL(outcome.url).searchParams.get('q') ?? '') : clipboard();
    expect(sent.endsWith(SHARE_URL)).toBe(true);
  });

  it('still hands the transcript over through the clipboard where the server makes no public links', async () => {
    const { transcripts, opened, clipboard } = service('g3');
    const outcome = await transcripts.handoff(REF, tool, LONG_TEMPLATE);
    expect(outcome).toMatchObject({ mode: 'clipboard' });
    expect(opened).toEqual([outcome.url]);
    expect(clipboard()).toMatch(/^MEETING TRANSCRIPT/);
  });
});
