/** AI tools a transcript can be handed to, and how each takes a prompt in its URL. */
export const AI_TOOLS = {
  chatgpt: { label: 'ChatGPT', url: (prompt: string) => `https://chatgpt.com/?hints=search&q=${encodeURIComponent(prompt)}` },
  perplexity: { label: 'Perplexity', url: (prompt: string) => `https://www.perplexity.ai/search?q=${encodeURIComponent(prompt)}` },
  claude: { label: 'Claude', url: (prompt: string) => `https://claude.ai/new?q=${encodeURIComponent(prompt)}` },
} as const;

export type AiTool = keyof typeof AI_TOOLS;

export const DEFAULT_LINK_PROMPT = 'Read the meeting transcript at {url} so I can ask questions about it.';
export const PASTE_PROMPT =
  'I am about to paste a meeting transcript. Read it, then summarise the decisions and list the action items with their owners.';

// Browsers and the tools themselves cut very long URLs; a prompt beyond this is shortened.
const MAX_PROMPT = 1800;

/** The prompt for a tool: the user's template with `{url}` filled in (added at the end if the template forgot it). */
export function promptFor(template: string, url: string): string {
  const t = template.trim() || DEFAULT_LINK_PROMPT;
  const filled = t.includes('{url}') ? t.split('{url}').join(url) : `${t} ${url}`;
  return filled.length > MAX_PROMPT ? filled.slice(0, MAX_PROMPT) : filled;
}
