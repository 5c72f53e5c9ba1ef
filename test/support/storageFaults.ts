import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Real storage faults for tests: read-only files and folders, files of another user, a full disk,
 * a read-only disk. Root ignores permission bits (CAP_DAC_OVERRIDE), and CI machines of this
 * project run the tests as root, so code that must meet a permission error runs in a child
 * process whose capabilities were dropped with `setpriv` (still uid 0, so it owns the files the
 * test made, and their mode bits apply to it as to any owner). Where the tests run as an ordinary
 * user, the child runs as that user. A full or read-only disk is a tmpfs, which only root can
 * mount. Each helper says why it cannot run here instead of pretending.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSetpriv = process.platform === 'linux' && spawnSync('setpriv', ['--version']).status === 0;

/** Null where permission bits can be exercised; otherwise why not, for the test's title. */
export const permissionsUnavailable: string | null =
  process.platform === 'win32'
    ? 'Windows has no POSIX permission bits'
    : isRoot && !hasSetpriv
      ? 'running as root without setpriv to drop the capabilities that ignore permission bits'
      : null;

/** Null where a file can be given to another user (only root can chown). */
export const otherOwnerUnavailable: string | null =
  permissionsUnavailable ?? (isRoot ? null : 'only root can give a file to another user (chown)');

/** Null where a small tmpfs can be mounted (root on Linux). */
export const mountUnavailable: string | null =
  process.platform !== 'linux' ? 'mounting a tmpfs needs Linux' : isRoot ? null : 'mounting a tmpfs needs root';

/** Null where a folder with open files can be deleted (not on Windows, which refuses). */
export const removeWhileOpenUnavailable: string | null =
  process.platform === 'win32' ? 'Windows refuses to delete a folder whose files are open' : null;

/** The uid of `nobody`, the other account the "owned by another user" tests give files to. */
export const OTHER_UID = 65534;

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/**
 * Runs `node --import tsx <script> ...args` with ordinary file permissions (capabilities dropped
 * when the tests run as root) and returns the last JSON line it printed.
 */
export function runUnprivileged<T>(script: string, args: string[]): Promise<T> {
  const node = [process.execPath, '--import', 'tsx', script, ...args];
  const [command, ...rest] = isRoot ? ['setpriv', '--bounding-set=-all', '--inh-caps=-all', '--', ...node] : node;
  return new Promise((done, fail) => {
    const child = spawn(command!, rest, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        done(JSON.parse(last) as T);
      } catch {
        fail(new Error(`child exited ${code} without a result:\n${out}\n${err}`));
      }
    });
  });
}

function mount(args: string[]): void {
  const r = spawnSync('mount', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount ${args.join(' ')} failed: ${r.stderr}`);
}

/** A tmpfs of `kilobytes` mounted on a new folder; `unmount()` removes it. Root on Linux only. */
export function smallDisk(kilobytes: number): { dir: string; readOnly(): void; unmount(): void } {
  const dir = tempDir('vexa-disk-');
  mount(['-t', 'tmpfs', '-o', `size=${kilobytes}k,mode=0755`, 'tmpfs', dir]);
  return {
    dir,
    readOnly: () => mount(['-o', 'remount,ro', dir]),
    unmount: () => {
      // Lazy: a database the test left open would otherwise keep the mount busy.
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the disk holding `dir` to the last byte. */
export function fillDisk(dir: string): void {
  const chunk = Buffer.alloc(4096);
  const file = join(dir, 'filler');
  writeFileSync(file, '');
  for (;;) {
    try {
      writeFileSync(file, chunk, { flag: 'a' });
    } catch {
      // A partial block may still fit.
      try {
        for (;;) writeFileSync(file, 'x', { flag: 'a' });
      } catch {
        return;
      }
    }
  }
}

/**
 * A folder nobody may write to, holding what `seed` put there, for a test in this process: a
 * read-only tmpfs where the tests run as root (root ignores mode bits), mode 0555 elsewhere.
 */
export function readOnlyFolder(seed: (dir: string) => void): { dir: string; release(): void } {
  if (isRoot && process.platform === 'linux') {
    const disk = smallDisk(4096);
    seed(disk.dir);
    disk.readOnly();
    return { dir: disk.dir, release: disk.unmount };
  }
  const dir = tempDir('vexa-ro-');
  mkdirSync(dir, { recursive: true });
  seed(dir);
  chmodSync(dir, 0o555);
  return {
    dir,
    release: () => {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Null where `readOnlyFolder` works in this process. */
export const readOnlyFolderUnavailable: string | null =
  process.platform === 'win32'
    ? 'Windows has no read-only folders'
    : isRoot && process.platform !== 'linux'
      ? 'root ignores mode 0555'
      : null;
