// How `npm start` launches Electron on Linux so that it starts instead of aborting.
//
// Chromium sandboxes its processes on Linux with unprivileged user namespaces; where the kernel
// refuses them it falls back to the setuid helper `chrome-sandbox` next to the executable, which
// must be owned by root with mode 4755. npm unpacks that helper as the user's own file, so on a
// machine that restricts user namespaces Electron aborts at launch with "The SUID sandbox helper
// binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting
// now" (electron/electron#17972, #42510). Ubuntu 23.10 added the AppArmor restriction and 24.04
// turned it on by default (kernel.apparmor_restrict_unprivileged_userns=1, electron/electron#41066,
// closed as a Chromium matter); Debian's older switch is kernel.unprivileged_userns_clone=0.
// The fixes Electron's users are pointed to: make the helper root-owned and setuid (chown first:
// chown clears the setuid bit), or start with `--no-sandbox`, which Electron documents as
// disabling Chromium's sandbox for all processes, "only for testing"
// (docs/api/command-line-switches.md#--no-sandbox). Chromium also refuses to run as root with its
// sandbox on, so root gets `--no-sandbox` too.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ apparmorRestrict: number | null, usernsClone: number | null, maxUserNamespaces: number | null }} UsernsFacts
 * @typedef {{ path: string, uid: number, mode: number } | { path: string, missing: true }} HelperFacts
 * @typedef {{ platform: string, uid: number | null, userns: UsernsFacts, helper: HelperFacts }} SandboxFacts
 */

/** Which kernel switch, if any, stops unprivileged user namespaces; null when they are allowed. */
export function usernsRestriction(userns) {
  if (userns.apparmorRestrict === 1) return 'kernel.apparmor_restrict_unprivileged_userns = 1';
  if (userns.usernsClone === 0) return 'kernel.unprivileged_userns_clone = 0';
  if (userns.maxUserNamespaces === 0) return 'user.max_user_namespaces = 0';
  return null;
}

/** True when the helper is what Chromium demands: owned by root, setuid, executable by everyone. */
export function helperConfigured(helper) {
  if ('missing' in helper) return false;
  return helper.uid === 0 && (helper.mode & 0o4000) !== 0 && (helper.mode & 0o111) === 0o111;
}

/**
 * The extra Electron arguments for this launch and what to tell the person about them.
 * @param {SandboxFacts} facts
 * @returns {{ args: string[], notice: string | null }}
 */
export function planSandbox(facts) {
  if (facts.platform !== 'linux') return { args: [], notice: null };
  if (facts.uid === 0) {
    return {
      args: ['--no-sandbox'],
      notice:
        'Running as root: Chromium will not start as root with its sandbox on, so Electron starts with --no-sandbox (fine for development; run `npm start` as a normal user to keep the sandbox).',
    };
  }
  const restriction = usernsRestriction(facts.userns);
  if (!restriction || helperConfigured(facts.helper)) return { args: [], notice: null };
  const helper = facts.helper.path;
  const fix =
    'missing' in facts.helper
      ? `Its helper ${helper} is missing, so this Electron cannot sandbox itself here.`
      : `To keep the sandbox, run this once (again after node_modules/electron is reinstalled):\n  sudo chown root:root ${quote(helper)} && sudo chmod 4755 ${quote(helper)}`;
  return {
    args: ['--no-sandbox'],
    notice: [
      `This Linux does not let normal programs create user namespaces (${restriction}; Ubuntu does this by default since 24.04).`,
      'Chromium’s sandbox then needs its helper chrome-sandbox to be owned by root with mode 4755, and it is not,',
      'so Electron would stop at launch ("The SUID sandbox helper binary was found, but is not configured correctly").',
      fix,
      'For this run, Electron starts with --no-sandbox: Chromium’s operating-system sandbox is off for all of the',
      'app’s processes, which Electron documents as meant for testing. The app’s own safeguards stay on: its window',
      'loads only the app’s bundled pages and they have no access to Node.',
    ].join('\n'),
  };
}

function quote(path) {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

function readNumber(file) {
  try {
    const value = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isNaN(value) ? null : value;
  } catch {
    return null;
  }
}

/**
 * Reads the facts `planSandbox` needs. `procRoot` is /proc outside tests.
 * @param {{ binary: string, platform?: string, uid?: number | null, procRoot?: string }} options
 * @returns {SandboxFacts}
 */
export function readSandboxFacts({ binary, platform = process.platform, uid = process.getuid?.() ?? null, procRoot = '/proc' }) {
  const path = join(binary, '..', 'chrome-sandbox');
  let helper;
  try {
    const stat = statSync(path);
    helper = { path, uid: stat.uid, mode: stat.mode };
  } catch {
    helper = { path, missing: true };
  }
  return {
    platform,
    uid,
    userns: {
      apparmorRestrict: readNumber(join(procRoot, 'sys', 'kernel', 'apparmor_restrict_unprivileged_userns')),
      usernsClone: readNumber(join(procRoot, 'sys', 'kernel', 'unprivileged_userns_clone')),
      maxUserNamespaces: readNumber(join(procRoot, 'sys', 'user', 'max_user_namespaces')),
    },
    helper,
  };
}
