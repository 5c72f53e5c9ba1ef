import type { AppUpdater, ProgressInfo } from 'electron-updater';
import { inactiveUpdater, type Updater } from '../../core/updates/updaterPort';

/**
 * The Updater port over electron-updater (not Electron's own `autoUpdater`):
 * - Electron's autoUpdater has no Linux support ("There is no built-in support for auto-updater on
 *   Linux", electronjs.org/docs/latest/api/auto-updater) and on Windows needs Squirrel.Windows
 *   installers, while the app ships NSIS, dmg, AppImage and deb (electron-builder.yml).
 * - electron-updater updates exactly those targets ("macOS: DMG. Linux: AppImage, DEB and RPM.
 *   Windows: NSIS", electron.build/auto-update), from GitHub Releases or any https folder, with
 *   download progress on every OS; on macOS it hands a verified zip to Squirrel.Mac (MacUpdater),
 *   which needs a signed app.
 * - Before a download counts, electron-updater checks its sha512 against the feed's latest*.yml
 *   ("electron-updater always verifies the sha512 checksum of a downloaded artifact against the
 *   update manifest", electron.build/docs/features/signed-update-manifests) and on Windows the
 *   installer's Authenticode signature against `publisherName` ("Code signature validation not
 *   only on macOS, but also on Windows", electron.build/auto-update). A mismatch deletes the
 *   temporary file (AppUpdater.executeDownload) and nothing is installed.
 *
 * electron-updater is loaded only by electron/main/index.ts (it requires `electron` at run time);
 * this module takes the updater object, so tests drive it with the library's own classes.
 */
export interface ElectronUpdaterDeps {
  /** `app.isPackaged`: a development run never updates itself (electron-updater skips it too). */
  isPackaged: boolean;
  version: string;
  /** electron-updater's `autoUpdater`; called once, only in a packaged app (it is built on first access). */
  updater(): AppUpdater;
  /** The app-update.yml electron-builder wrote (resources/app-update.yml), read back when the person's own feed is cleared. */
  updateConfigPath: string;
  /** That file's text, to name the built-in feed in Settings; null when the build has none. */
  readUpdateConfig(): string | null;
  /** Running as an AppImage (Linux, `$APPIMAGE` set by its runtime). */
  appImage: boolean;
  /** The app's log (the core's logger once it exists). */
  log(level: 'info' | 'warn', message: string): void;
}

/**
 * The feed an app-update.yml names: a generic provider's `url`, or a GitHub repository's releases
 * page. electron-builder writes flat `key: value` lines, so no YAML parser is needed to read them.
 */
export function feedOfUpdateConfig(text: string | null): string | null {
  if (!text) return null;
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}:\\s*['"]?([^'"\\n]+?)['"]?\\s*$`, 'm').exec(text);
    return m?.[1] ?? null;
  };
  const provider = field('provider');
  if (provider === 'generic') return field('url');
  if (provider === 'github') {
    const owner = field('owner');
    const repo = field('repo');
    return owner && repo ? `https://github.com/${owner}/${repo}/releases` : null;
  }
  return null;
}

const progressOf = (p: ProgressInfo) => ({ percent: p.percent, transferred: p.transferred, total: p.total });

export function createElectronUpdater(d: ElectronUpdaterDeps): Updater {
  if (!d.isPackaged) return inactiveUpdater(d.version, 'development');
  let instance: AppUpdater | null = null;
  // An AppImage never installs at quit: electron-updater's quit handler swaps the file and then
  // runs the new AppImage synchronously with APPIMAGE_EXIT_AFTER_INSTALL, which only
  // AppImageLauncher honours, so the quit would wait on (or start) a second copy of the app
  // (AppImageUpdater.doInstall; getpaseo/paseo#1485). "Restart now" swaps it and starts it instead.
  const installsAtQuit = !d.appImage;
  let installOnQuit = installsAtQuit;
  let onProgress: ((p: ProgressInfo) => void) | null = null;
  const updater = (): AppUpdater => {
    if (instance) return instance;
    const u = d.updater();
    // The service decides when to download (in the background right after a check finds one) and
    // reports progress; the library decides nothing by itself.
    u.autoDownload = false;
    u.autoInstallOnAppQuit = installOnQuit;
    u.allowDowngrade = false;
    u.logger = {
      info: (message?: unknown) => d.log('info', `electron-updater: ${String(message)}`),
      warn: (message?: unknown) => d.log('warn', `electron-updater: ${String(message)}`),
      // Errors reach the service through the rejected promise, which logs them once, in short.
      error: () => undefined,
    };
    u.on('download-progress', (p) => onProgress?.(p));
    // The library emits 'error' for every failure it also rejects with; an unheard 'error' on an
    // EventEmitter would throw.
    u.on('error', () => undefined);
    // electron-updater's requests always listen for a proxy's 'login' and pass it on here; nobody
    // answering would leave the check waiting. The app has no proxy credentials to give, and
    // "Providing empty credentials will cancel the request and report an authentication error"
    // (electron.d.ts, ClientRequest 'login'), which the service then reports.
    u.on('login', (_info, callback) => callback('', ''));
    instance = u;
    return u;
  };
  return {
    off: null,
    currentVersion: d.version,
    installsAtQuit,
    builtInFeed: () => feedOfUpdateConfig(d.readUpdateConfig()),
    setFeed(url) {
      if (url) updater().setFeedURL({ provider: 'generic', url });
      // Setting the path drops the provider made from setFeedURL: the next check reads the file again.
      else updater().updateConfigPath = d.updateConfigPath;
    },
    async check() {
      const result = await updater().checkForUpdates();
      // null: the library declined (not an AppImage, a Snap, an unpacked build).
      if (!result) return { kind: 'inactive' };
      const info = result.updateInfo;
      return result.isUpdateAvailable
        ? { kind: 'found', version: info.version, notes: info.releaseNotes ?? null }
        : { kind: 'up-to-date', latest: info.version };
    },
    async download(progress) {
      onProgress = (p) => progress(progressOf(p));
      try {
        await updater().downloadUpdate();
      } finally {
        onProgress = null;
      }
    },
    setInstallOnQuit(on) {
      installOnQuit = on && installsAtQuit;
      if (instance) instance.autoInstallOnAppQuit = installOnQuit;
    },
    quitAndInstall() {
      // Silent, then start the new version: the person asked for a restart, not for an installer
      // (NSIS runs with /S; an AppImage is swapped and started; macOS relaunches through Squirrel.Mac).
      updater().quitAndInstall(true, true);
    },
  };
}
