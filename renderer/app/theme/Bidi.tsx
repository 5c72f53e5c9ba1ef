import { balanceBidi } from '../../../shared/bidi';

/**
 * Text from a server (a meeting's name, a speaker, a participant) shown among the app's words: an
 * isolate (`<bdi>`: its own direction, from its first strong letter), so a right-to-left name or a
 * bidi override inside it cannot reorder what stands around it. The text is balanced first: a stray
 * POP DIRECTIONAL ISOLATE inside would end the `<bdi>`'s isolate early (Chromium included).
 *
 * `keep` names an id inside the text ("abc-defg-hij" in "Google Meet · abc-defg-hij") that wraps
 * to the next line whole rather than at its hyphens.
 */
export function Bidi({ children, className, keep }: { children: string | null | undefined; className?: string; keep?: string }) {
  const text = balanceBidi(children ?? '');
  const at = keep ? text.indexOf(keep) : -1;
  if (!keep || at < 0) return <bdi className={className}>{text}</bdi>;
  return (
    <bdi className={className}>
      {text.slice(0, at)}
      <span className="token">{keep}</span>
      {text.slice(at + keep.length)}
    </bdi>
  );
}
