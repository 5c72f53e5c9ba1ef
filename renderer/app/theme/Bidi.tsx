import type { ReactNode } from 'react';
import { balanceBidi } from '../../../shared/bidi';

// A run of printable ASCII with a hyphen or slash inside: an id (abc-defg-hij), a link, a file name.
const TOKEN = /^[\x21-\x7e]*[-/][\x21-\x7e]+$/;

/**
 * Ids and links wrap to the next line whole instead of at their hyphens and slashes (`.token`); one
 * wider than its line still breaks. Right-to-left words are left as they are: an inline block
 * inside them would take part in their reordering as one neutral character.
 */
function keepTokensWhole(text: string): ReactNode {
  const parts = text.split(/(\s+)/);
  if (!parts.some((p) => TOKEN.test(p))) return text;
  return parts.map((part, i) =>
    TOKEN.test(part) ? (
      <span key={i} className="token">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/**
 * Text from a server (a meeting's name, a speaker, a participant) shown among the app's words: an
 * isolate (`<bdi>`: its own direction, from its first strong letter), so a right-to-left name or a
 * bidi override inside it cannot reorder what stands around it. The text is balanced first: a stray
 * POP DIRECTIONAL ISOLATE inside would end the `<bdi>`'s isolate early (Chromium included).
 */
export function Bidi({ children, className }: { children: string | null | undefined; className?: string }) {
  return <bdi className={className}>{keepTokensWhole(balanceBidi(children ?? ''))}</bdi>;
}
