import type { UpdateProgress } from '../../../shared/ipc/updates';
import type { CheckOutcome, Updater } from '../../../electron/core/updates/updaterPort';
import { waitFor } from '../../support/waitFor';

/**
 * An updater the test steps by hand, behind the core's Updater port, so the window's states can be
 * shown one at a time in Chromium. electron-updater itself runs against a real local feed in
 * test/integration/updates.
 */
export interface SteppedUpdater {
  updater: Updater;
  checks: number;
  installs: number;
  feeds: Array<string | null>;
  installOnQuit: boolean | null;
  /** Reports download progress, once the core has started the download. */
  progress(percent: number, total?: number): Promise<void>;
  /** The download finishes and is verified. */
  finish(): Promise<void>;
  /** The download fails with electron-updater's error. */
  fail(error: Error): Promise<void>;
}

export function steppedUpdater(answers: Array<() => CheckOutcome>): SteppedUpdater {
  let download: { report(p: UpdateProgress): void; resolve(): void; reject(e: Error): void } | null = null;
  const started = () => waitFor('the core to start a download', () => download);
  const stepped: SteppedUpdater = {
    checks: 0,
    installs: 0,
    feeds: [],
    installOnQuit: null,
    updater: {
      off: null,
      currentVersion: '0.0.0-test',
      installsAtQuit: true,
      builtInFeed: () => 'https://github.com/Vexa-ai/vexa-companion/releases',
      setFeed: (url) => void stepped.feeds.push(url),
      check: async () => {
        const answer = answers[stepped.checks++] ?? answers.at(-1);
        if (!answer) throw new Error('No answer scripted for this check');
        return answer();
      },
      download: (report) =>
        new Promise<void>((resolve, reject) => {
          download = { report, resolve, reject };
        }),
      setInstallOnQuit: (on) => void (stepped.installOnQuit = on),
      quitAndInstall: () => void stepped.installs++,
    },
    async progress(percent, total = 48_000_000) {
      (await started()).report({ percent, transferred: Math.round((total * percent) / 100), total });
    },
    async finish() {
      const d = await started();
      download = null;
      d.resolve();
    },
    async fail(error) {
      const d = await started();
      download = null;
      d.reject(error);
    },
  };
  return stepped;
}
