import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { electronRequired, locateElectron, MISSING_ELECTRON_REASON, projectRoot, REQUIRE_ELECTRON_ENV } from './electronBinary';

/** Builds the renderer and the Electron bundles, but only where the suite can actually run. */
export default function globalSetup(): void {
  if (!locateElectron()) {
    // CI downloaded the binary on purpose: a suite that would skip there has not run, and must fail.
    if (electronRequired()) throw new Error(`${REQUIRE_ELECTRON_ENV}=1, but: ${MISSING_ELECTRON_REASON}`);
    console.warn(`\n${'!'.repeat(100)}\n${MISSING_ELECTRON_REASON}\n${'!'.repeat(100)}\n`);
    return;
  }
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'start.mjs'), '--build-only'], { stdio: 'inherit', cwd: projectRoot });
}
