/**
 * The longest link a hand-off opens: the desktop app's opener refuses longer ones
 * (electron/main/shell/navigation.ts MAX_EXTERNAL_URL_LENGTH, pinned equal by a test), and each
 * tool below takes at least this much in its `q` parameter.
 */
export const MAX_TOOL_URL_LENGTH = 2048;

/** AI tools a transcript can be handed to: how each takes a prompt in its URL, and where to paste one. */
export const AI_TOOLS = {
  chatgpt: {
    label: 'ChatGPT',
    home: 'https://chatgpt.com/',
    url: (prompt: string) => `https://chatgpt.com/?hints=search&q=${encodeURIComponent(prompt)}`,
  },
  perplexity: {
    label: 'Perplexity',
    home: 'https://www.perplexity.ai/',
    url: (prompt: string) => `https://www.perplexity.ai/search?q=${encodeURIComponent(prompt)}`,
  },
  claude: {
    label: 'Claude',
    home: 'https://claude.ai/new',
    url: (prompt: string) => `https://claude.ai/new?q=${encodeURIComponent(prompt)}`,
  },
} as const;

export type AiTool = keyof typeof AI_TOOLS;

export const DEFAULT_LINK_PROMPT = 'Read the meeting transcript at {url} so I can ask questions about it.';
export const PASTE_PROMPT =
  'I am about to paste a meeting transcript. Read it, then summarise the decisions and list the action items with their owners.';

/** The prompt for a tool: the user's template with `{url}` filled in (added at the end if the template forgot it). */
export function promptFor(template: string, url: string): string {
  const t = template.trim() || DEFAULT_LINK_PROMPT;
  return t.includes('{url}') ? t.split('{url}').join(url) : `${t} ${url}`;
}

/**
 * The tool's link carrying the whole prompt, or null when it would be too long to open. A prompt
 * is never cut to fit: the part cut off could be the transcript's link itself.
 */
export function toolLink(tool: AiTool, prompt: string): string | null {
  const url = AI_TOOLS[tool].url(prompt);
  return url.length <= MAX_TOOL_URL_LENGTH ? url : null;
}
