import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_SCHEME } from '../../../shared/deepLink';

/*
 * The `vexa:` scheme as the installers declare it: electron-builder.yml read the way
 * electron-builder reads it (js-yaml), and the Linux desktop entry computed by electron-builder's
 * own LinuxTargetHelper (the code its deb and AppImage targets call), given a packager holding
 * only what that method reads. The `dir` target used offline writes no desktop file, so the
 * packaged output cannot show this; Info.plist is written from the same `protocols` list
 * (app-builder-lib electronMac.js: CFBundleURLTypes from `protocols`).
 */
const root = join(import.meta.dirname, '..', '..', '..');
const requireHere = createRequire(import.meta.url);

interface Protocol {
  name: string;
  schemes: string[];
  role?: string;
}
interface Config {
  appId: string;
  productName: string;
  protocols?: Protocol | Protocol[];
  linux: { category?: string; synopsis?: string; protocols?: Protocol[] };
  mac: { protocols?: Protocol[] };
  win: { protocols?: Protocol[] };
}
const config = (requireHere('js-yaml') as { load(t: string): unknown }).load(
  readFileSync(join(root, 'electron-builder.yml'), 'utf8'),
) as Config;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; productName: string; description: string };

interface DesktopHelper {
  computeDesktopEntry(options: object, exec?: string, extra?: object): Promise<string> | string;
}
const { LinuxTargetHelper } = requireHere('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
  LinuxTargetHelper: new (packager: object) => DesktopHelper;
};

/** What computeDesktopEntry reads of the packager, filled from our config and package.json. */
function packager(): object {
  return {
    config,
    platformSpecificBuildOptions: config.linux,
    appInfo: { productName: pkg.productName, sanitizedProductName: pkg.productName, description: pkg.description },
    executableName: pkg.name,
    fileAssociations: [],
    info: { metadata: {} },
  };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the installers declare vexa: links', () => {
  it('electron-builder.yml lists the scheme once, at the top level every target reads', () => {
    const protocols = [
      ...asArray(config.protocols),
      ...asArray(config.mac.protocols),
      ...asArray(config.linux.protocols),
      ...asArray(config.win.protocols),
    ];
    expect(protocols.flatMap((p) => p.schemes)).toEqual([LINK_SCHEME]);
    const [protocol] = asArray(config.protocols);
    // CFBundleURLName and CFBundleTypeRole of the macOS Info.plist.
    expect(protocol?.name).toBeTruthy();
    expect(['Editor', 'Viewer', 'Shell', 'None']).toContain(protocol?.role);
  });

  it('the Linux desktop entry (deb) claims x-scheme-handler/vexa and passes the link with %U', async () => {
    const entry = await new LinuxTargetHelper(packager()).computeDesktopEntry(config.linux);
    const lines = entry.split('\n');
    expect(lines).toContain(`MimeType=x-scheme-handler/${LINK_SCHEME};`);
    // Without a field code the desktop starts the app but never hands it the link.
    expect(lines.find((l) => l.startsWith('Exec='))).toMatch(/ %U$/);
  });

  it('the AppImage’s desktop entry, with its own Exec, claims the scheme too', async () => {
    const entry = await new LinuxTargetHelper(packager()).computeDesktopEntry(config.linux, 'AppRun --no-sandbox %U', {
      'X-AppImage-Version': '0.1.0',
    });
    expect(entry.split('\n')).toContain(`MimeType=x-scheme-handler/${LINK_SCHEME};`);
  });
});
