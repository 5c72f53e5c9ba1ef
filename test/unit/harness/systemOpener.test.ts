import { describe, expect, it } from 'vitest';
import { launchPlan, launchableUrl } from '../../../electron/harness/systemOpener';

const PLATFORMS = ['win32', 'darwin', 'linux'] as const;

// Links a server or a user's text can put in front of the opener. Each must reach the OS URL
// handler as one argument, exactly as `new URL(...).href` writes it.
const HOSTILE_BUT_WEB = [
  'https://meet.google.com/qqq-rrrr-sss&calc.exe',
  'https://chatgpt.com/?q=Summarise%20this%20meeting&hints=search',
  'https://x.test/a|calc.exe',
  'https://x.test/a^&calc.exe',
  'https://x.test/"&calc.exe"',
  'https://x.test/?q="quoted"&calc',
  'https://x.test/%PATH%&%USERPROFILE%',
  'https://x.test/$(touch${IFS}/tmp/pwned)`id`;reboot',
  'https://x.test/a>out.txt<in.txt',
  'HTTPS://Meet.Google.com/abc-defg-hij?authuser=0&x=1',
];

// Nothing here may start a program.
const REFUSED = [
  'https://x.test/a\ncalc.exe',
  'https://x.test/a\r\ncalc.exe',
  'https://x.test/a b',
  'https://x.test/?q="quoted" & calc',
  '-https://x.test/',
  '--gpu-launcher=calc.exe https://x.test/',
  'javascript:alert(1)',
  'file:///C:/Windows/System32/calc.exe',
  'file:///etc/passwd',
  'calc.exe',
  'C:\\Windows\\System32\\calc.exe',
  '\\\\evil.test\\share\\run.exe',
  'ms-msdt:/id PCWDiagnostic',
  'https://user:pw@x.test/',
  '',
];

const SHELLS = /^(cmd|cmd\.exe|powershell|powershell\.exe|pwsh|sh|bash|start)$/i;

function basename(command: string): string {
  return command.split(/[\\/]/).pop() ?? command;
}

describe('launchPlan for links', () => {
  it.each(PLATFORMS)('on %s hands each hostile web link over as one argument, normalised, with no shell', (platform) => {
    for (const url of HOSTILE_BUT_WEB) {
      const plan = launchPlan({ kind: 'url', url }, { platform, systemRoot: 'C:\\Windows' });
      expect(plan, url).not.toBeNull();
      const href = new URL(url).href;
      expect(basename(plan!.command)).not.toMatch(SHELLS);
      expect(plan!.args.at(-1)).toBe(href);
      expect(plan!.args.filter((a) => a.includes('x.test') || a.includes('google.com') || a.includes('chatgpt.com'))).toEqual([href]);
      // Node quotes a Windows argument only for a space, tab or quote; none may be left to quote.
      expect(href).not.toMatch(/[\s"]/);
      expect(plan!.args.some((a) => a.startsWith('-'))).toBe(false);
    }
  });

  it('opens links on Windows through the OS URL handler by absolute path, not through cmd', () => {
    const plan = launchPlan(
      { kind: 'url', url: 'https://meet.google.com/qqq-rrrr-sss&calc.exe' },
      { platform: 'win32', systemRoot: 'D:\\Win' },
    );
    expect(plan).toEqual({
      command: 'D:\\Win\\System32\\rundll32.exe',
      args: ['url.dll,FileProtocolHandler', 'https://meet.google.com/qqq-rrrr-sss&calc.exe'],
    });
    // An unusable SystemRoot (unset, relative, a share) falls back to the standard location.
    for (const systemRoot of [undefined, 'Windows', '\\\\evil\\share']) {
      expect(launchPlan({ kind: 'url', url: 'https://vexa.ai/' }, { platform: 'win32', systemRoot })?.command).toBe(
        'C:\\Windows\\System32\\rundll32.exe',
      );
    }
  });

  it('opens links on macOS with /usr/bin/open and elsewhere with xdg-open', () => {
    expect(launchPlan({ kind: 'url', url: 'https://vexa.ai/a&b' }, { platform: 'darwin' })).toEqual({
      command: '/usr/bin/open',
      args: ['https://vexa.ai/a&b'],
    });
    expect(launchPlan({ kind: 'url', url: 'https://vexa.ai/a&b' }, { platform: 'linux' })).toEqual({
      command: 'xdg-open',
      args: ['https://vexa.ai/a&b'],
    });
  });

  it.each(PLATFORMS)('on %s refuses links that are not plain web links', (platform) => {
    for (const url of REFUSED) {
      expect(launchPlan({ kind: 'url', url }, { platform }), JSON.stringify(url)).toBeNull();
      expect(launchableUrl(url)).toBeNull();
    }
  });
});

describe('launchPlan for folders', () => {
  it('opens absolute folders, each as one argument', () => {
    expect(launchPlan({ kind: 'folder', path: '/home/ada/.config/Vexa Companion (web)' }, { platform: 'linux' })).toEqual({
      command: 'xdg-open',
      args: ['/home/ada/.config/Vexa Companion (web)'],
    });
    expect(launchPlan({ kind: 'folder', path: '/Users/ada/Library/Vexa & Co' }, { platform: 'darwin' })).toEqual({
      command: '/usr/bin/open',
      args: ['/Users/ada/Library/Vexa & Co'],
    });
    expect(
      launchPlan(
        { kind: 'folder', path: 'C:\\Users\\ada\\AppData\\Roaming\\Vexa Companion (web)' },
        { platform: 'win32', systemRoot: 'C:\\Windows' },
      ),
    ).toEqual({ command: 'C:\\Windows\\explorer.exe', args: ['C:\\Users\\ada\\AppData\\Roaming\\Vexa Companion (web)'] });
  });

  it('refuses relative folders, option-like names and control characters', () => {
    for (const path of ['-n', '--help', 'relative/dir', '', '/tmp/a\nb']) {
      expect(launchPlan({ kind: 'folder', path }, { platform: 'linux' }), JSON.stringify(path)).toBeNull();
      expect(launchPlan({ kind: 'folder', path }, { platform: 'darwin' })).toBeNull();
    }
    for (const path of ['/select,C:\\x', '/root', 'relative\\dir', 'C:relative', 'C:\\a"b', '-x']) {
      expect(launchPlan({ kind: 'folder', path }, { platform: 'win32' }), path).toBeNull();
    }
  });
});
