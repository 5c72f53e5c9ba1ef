import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { locateElectron, MISSING_ELECTRON_REASON, projectRoot } from './electronBinary';

/** Builds the renderer and the Electron bundles, but only where the suite can actually run. */
export default function globalSetup(): void {
  if (!locateElectron()) {
    console.warn(`\n${'!'.repeat(100)}\n${MISSING_ELECTRON_REASON}\n${'!'.repeat(100)}\n`);
    return;
  }
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'start.mjs'), '--build-only'], { stdio: 'inherit', cwd: projectRoot });
}
