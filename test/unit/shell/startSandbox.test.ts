import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planSandbox, readSandboxFacts, type SandboxFacts } from '../../../scripts/electronSandbox.mjs';

// Chromium on Linux sandboxes with unprivileged user namespaces and falls back to the setuid helper
// chrome-sandbox (root-owned, mode 4755) where the kernel refuses them; with neither it aborts:
// "The SUID sandbox helper binary was found, but is not configured correctly" (electron/electron#17972,
// #42510). Ubuntu 24.04 restricts the namespaces by default through AppArmor (electron/electron#41066).
// Electron documents --no-sandbox as disabling Chromium's sandbox, for testing
// (docs/api/command-line-switches.md#--no-sandbox).
const helperPath = '/work/app/node_modules/electron/dist/chrome-sandbox';
const unrestricted = { apparmorRestrict: 0, usernsClone: null, maxUserNamespaces: 63_000 };
const facts = (overrides: Partial<SandboxFacts>): SandboxFacts => ({
  platform: 'linux',
  uid: 1000,
  userns: unrestricted,
  helper: { path: helperPath, uid: 1000, mode: 0o100755 },
  ...overrides,
});

describe('how npm start launches Electron with respect to the Linux sandbox', () => {
  it('adds nothing where user namespaces are allowed, as on most Linux desktops', () => {
    expect(planSandbox(facts({}))).toEqual({ args: [], notice: null });
  });

  it('adds nothing on macOS and Windows, whatever else is true', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(planSandbox(facts({ platform, uid: 0, userns: { ...unrestricted, apparmorRestrict: 1 } }))).toEqual({
        args: [],
        notice: null,
      });
    }
  });

  it('starts with --no-sandbox on Ubuntu 24.04 defaults, explains why, and prints the one-time fix in the order that works', () => {
    const plan = planSandbox(facts({ userns: { ...unrestricted, apparmorRestrict: 1 } }));
    expect(plan.args).toEqual(['--no-sandbox']);
    expect(plan.notice).toContain('kernel.apparmor_restrict_unprivileged_userns = 1');
    expect(plan.notice).toContain('The SUID sandbox helper binary was found, but is not configured correctly');
    // chown clears the setuid bit, so chmod must come second.
    expect(plan.notice).toContain(`sudo chown root:root ${helperPath} && sudo chmod 4755 ${helperPath}`);
    expect(plan.notice).toContain('For this run, Electron starts with --no-sandbox');
    expect(plan.notice).toContain('meant for testing');
  });

  it('names Debian’s switch and the namespace limit as restrictions too', () => {
    const debian = planSandbox(facts({ userns: { apparmorRestrict: null, usernsClone: 0, maxUserNamespaces: 63_000 } }));
    expect(debian.args).toEqual(['--no-sandbox']);
    expect(debian.notice).toContain('kernel.unprivileged_userns_clone = 0');
    const none = planSandbox(facts({ userns: { apparmorRestrict: null, usernsClone: null, maxUserNamespaces: 0 } }));
    expect(none.notice).toContain('user.max_user_namespaces = 0');
  });

  it('keeps the sandbox once chrome-sandbox is root-owned and setuid, even where namespaces are restricted', () => {
    const fixed = facts({ userns: { ...unrestricted, apparmorRestrict: 1 }, helper: { path: helperPath, uid: 0, mode: 0o104755 } });
    expect(planSandbox(fixed)).toEqual({ args: [], notice: null });
  });

  it('does not accept a helper that is root-owned without the setuid bit, or setuid but owned by the user', () => {
    const restricted = { ...unrestricted, apparmorRestrict: 1 };
    expect(planSandbox(facts({ userns: restricted, helper: { path: helperPath, uid: 0, mode: 0o100755 } })).args).toEqual(['--no-sandbox']);
    expect(planSandbox(facts({ userns: restricted, helper: { path: helperPath, uid: 1000, mode: 0o104755 } })).args).toEqual([
      '--no-sandbox',
    ]);
  });

  it('says so when the helper is missing instead of offering a chmod that cannot help', () => {
    const plan = planSandbox(facts({ userns: { ...unrestricted, apparmorRestrict: 1 }, helper: { path: helperPath, missing: true } }));
    expect(plan.args).toEqual(['--no-sandbox']);
    expect(plan.notice).toContain(`Its helper ${helperPath} is missing`);
    expect(plan.notice).not.toContain('sudo');
  });

  it('quotes a helper path with spaces so the printed command can be pasted', () => {
    const spaced = '/home/me/My Projects/app/node_modules/electron/dist/chrome-sandbox';
    const plan = planSandbox(
      facts({ userns: { ...unrestricted, apparmorRestrict: 1 }, helper: { path: spaced, uid: 1000, mode: 0o100755 } }),
    );
    expect(plan.notice).toContain(`sudo chown root:root '${spaced}' && sudo chmod 4755 '${spaced}'`);
  });

  it('keeps today’s behaviour for root: --no-sandbox, because Chromium refuses to run as root with its sandbox', () => {
    const plan = planSandbox(facts({ uid: 0 }));
    expect(plan.args).toEqual(['--no-sandbox']);
    expect(plan.notice).toContain('Running as root');
  });
});

describe('reading the sandbox facts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-sandbox-facts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the three kernel switches from /proc/sys and the helper beside the executable', () => {
    const proc = join(dir, 'proc');
    mkdirSync(join(proc, 'sys', 'kernel'), { recursive: true });
    mkdirSync(join(proc, 'sys', 'user'), { recursive: true });
    writeFileSync(join(proc, 'sys', 'kernel', 'apparmor_restrict_unprivileged_userns'), '1\n');
    writeFileSync(join(proc, 'sys', 'user', 'max_user_namespaces'), '63229\n');
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'chrome-sandbox'), '');
    chmodSync(join(dist, 'chrome-sandbox'), 0o755);
    const read = readSandboxFacts({ binary: join(dist, 'electron'), platform: 'linux', uid: 1000, procRoot: proc });
    expect(read.userns).toEqual({ apparmorRestrict: 1, usernsClone: null, maxUserNamespaces: 63229 });
    const stat = statSync(join(dist, 'chrome-sandbox'));
    expect(read.helper).toEqual({ path: join(dist, 'chrome-sandbox'), uid: stat.uid, mode: stat.mode });
    expect(planSandbox(read).args).toEqual(['--no-sandbox']);
  });

  it('reports a missing helper and unreadable switches as unknown rather than failing', () => {
    const read = readSandboxFacts({
      binary: join(dir, 'nowhere', 'electron'),
      platform: 'linux',
      uid: 1000,
      procRoot: join(dir, 'no-proc'),
    });
    expect(read.helper).toEqual({ path: join(dir, 'nowhere', 'chrome-sandbox'), missing: true });
    expect(read.userns).toEqual({ apparmorRestrict: null, usernsClone: null, maxUserNamespaces: null });
    expect(planSandbox(read)).toEqual({ args: [], notice: null });
  });
});
