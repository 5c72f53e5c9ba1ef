import { useId, useState, type FormEvent } from 'react';
import type { AiToolId } from '../../../shared/ipc/models';
import { Banner, Button, Card } from '../../app/theme';
import { announce } from '../announcer/store';
import { useConnectionStore } from '../connection/store';
import { promptWarning } from '../export/describe';
import { AI_PROMPT_MAX, AI_TOOL_CHOICES, DEFAULT_AI_PROMPT } from '../export/formats';
import { saveAiPrompts } from './actions';
import { useSettingsStore } from './store';
import './aiPrompts.css';

type Prompts = Record<AiToolId, string>;

const withDefaults = (saved: Partial<Prompts>): Prompts => ({
  chatgpt: saved.chatgpt ?? DEFAULT_AI_PROMPT,
  perplexity: saved.perplexity ?? DEFAULT_AI_PROMPT,
  claude: saved.claude ?? DEFAULT_AI_PROMPT,
});

function PromptField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  const warning = promptWarning(value);
  return (
    <div className="field prompt-field">
      <div className="prompt-field-head">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {value !== DEFAULT_AI_PROMPT ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange(DEFAULT_AI_PROMPT)}
            aria-label={`Reset the ${label} prompt to the default`}
          >
            Reset to default
          </Button>
        ) : null}
      </div>
      <div className="field-control prompt-control">
        <textarea
          id={id}
          rows={2}
          maxLength={AI_PROMPT_MAX}
          spellCheck
          value={value}
          aria-describedby={warning ? `${id}-warning` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {warning ? (
        <div id={`${id}-warning`} className="field-help">
          {warning}
        </div>
      ) : null}
    </div>
  );
}

function AiPromptsForm({ saved }: { saved: Prompts }) {
  const [draft, setDraft] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = AI_TOOL_CHOICES.some((t) => draft[t.id] !== saved[t.id]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed || busy) return;
    setBusy(true);
    setError(null);
    const failure = await saveAiPrompts(draft);
    setBusy(false);
    if (failure) setError(failure);
    else announce('AI prompts saved.');
  };

  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} aria-label="AI prompts">
      {AI_TOOL_CHOICES.map((tool) => (
        <PromptField
          key={tool.id}
          label={tool.label}
          value={draft[tool.id]}
          onChange={(value) => setDraft({ ...draft, [tool.id]: value })}
        />
      ))}
      {error ? <Banner tone="error">{error}</Banner> : null}
      <div className="row defaults-actions">
        {changed ? (
          <Button variant="ghost" onClick={() => setDraft(saved)}>
            Undo changes
          </Button>
        ) : null}
        <Button type="submit" variant="primary" busy={busy} unavailable={!changed}>
          Save prompts
        </Button>
      </div>
    </form>
  );
}

/** The prompt each "Open in …" starts the conversation with; `{url}` is the transcript's share link. */
export function AiPromptsSection() {
  const saved = withDefaults(useSettingsStore((s) => s.aiPrompts));
  const publicLinks = useConnectionStore((s) => s.view?.server?.capabilities.publicShareLinks ?? null);
  return (
    <Card
      title="AI prompts"
      description={
        <>
          What “Open in ChatGPT”, “Open in Perplexity” and “Open in Claude” ask. <code>{'{url}'}</code> becomes a link to the transcript
          that anyone can read for one hour.
        </>
      }
    >
      <div className="stack">
        {publicLinks === false ? (
          <Banner tone="info">
            This server does not make public links, so these prompts are not used with it: the transcript is copied to your clipboard and
            the assistant opens with a prompt to paste it.
          </Banner>
        ) : null}
        {/* Remounts when the saved prompts change elsewhere, so the fields show what is stored. */}
        <AiPromptsForm key={AI_TOOL_CHOICES.map((t) => saved[t.id]).join('\u0000')} saved={saved} />
      </div>
    </Card>
  );
}
