import type { SearchResultView } from '../../../shared/ipc/library';

type SnippetParts = SearchResultView['segments'][number]['snippet'];

/** A snippet from the cache: plain text parts, the matched words in <mark>. Never HTML. */
export function Snippet({ parts, className }: { parts: SnippetParts; className?: string }) {
  return (
    <span className={className}>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
