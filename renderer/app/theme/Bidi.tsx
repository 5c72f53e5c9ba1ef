import { balanceBidi } from '../../../shared/bidi';

/**
 * Text from a server (a meeting's name, a speaker, a participant) shown among the app's words: an
 * isolate (`<bdi>`: its own direction, from its first strong letter), so a right-to-left name or a
 * bidi override inside it cannot reorder what stands around it. The text is balanced first: a stray
 * POP DIRECTIONAL ISOLATE inside would end the `<bdi>`'s isolate early (Chromium included).
 */
export function Bidi({ children, className }: { children: string | null | undefined; className?: string }) {
  return <bdi className={className}>{balanceBidi(children ?? '')}</bdi>;
}
