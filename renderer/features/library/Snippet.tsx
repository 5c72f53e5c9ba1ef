import type { SearchResultView } from '../../../shared/ipc/library';
import { balanceBidiParts } from '../../../shared/bidi';

type SnippetParts = SearchResultView['segments'][number]['snippet'];

/**
 * A snippet from the cache: plain text parts, the matched words in <mark>. Never HTML. An isolate
 * (`<bdi>`), balanced across its parts, so server text cannot reorder what stands around it.
 */
export function Snippet({ parts, className }: { parts: SnippetParts; className?: string }) {
  const texts = balanceBidiParts(parts.map((p) => p.text));
  return (
    <bdi className={className}>
      {parts.map((part, i) => (part.match ? <mark key={i}>{texts[i]}</mark> : <span key={i}>{texts[i]}</span>))}
    </bdi>
  );
}
