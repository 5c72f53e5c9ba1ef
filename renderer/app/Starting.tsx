import { Spinner } from './theme/Spinner';
import { LogoMark } from './theme/icons';

/**
 * What the window shows until the core's first state arrives. renderer/index.html holds the same
 * markup, so it paints as soon as the styles are in, before any script has run; the first
 * screen replaces it (test/unit/harness/startingScreen.test.ts keeps the two alike).
 */
export function Starting() {
  return (
    <main className="full-window">
      <LogoMark size={40} />
      <Spinner label="Starting Vexa Companion…" />
    </main>
  );
}
