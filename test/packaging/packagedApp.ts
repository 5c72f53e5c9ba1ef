import * as asar from '@electron/asar';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One file of a packaged app, as Electron sees it: a path inside app.asar, maybe unpacked beside it. */
export interface PackagedFile {
  /** Without the leading slash, e.g. `dist/electron/main.cjs`. */
  path: string;
  size: number;
  unpacked: boolean;
}

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}

/** The app's archive: its listing from the asar header, and file bytes wherever they live. */
export class PackagedApp {
  readonly archive: string;
  readonly files: PackagedFile[];

  constructor(readonly resources: string) {
    this.archive = join(resources, 'app.asar');
    this.files = [];
    const walk = (node: HeaderNode, prefix: string): void => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const path = prefix ? `${prefix}/${name}` : name;
        if (child.files) walk(child, path);
        else if (!child.link) this.files.push({ path, size: child.size ?? 0, unpacked: child.unpacked === true });
      }
    };
    walk(asar.getRawHeader(this.archive).header as HeaderNode, '');
  }

  get archiveBytes(): number {
    return statSync(this.archive).size;
  }

  has(path: string): boolean {
    return this.files.some((f) => f.path === path);
  }

  read(path: string): Buffer {
    const file = this.files.find((f) => f.path === path);
    if (!file) throw new Error(`${path} is not in ${this.archive}`);
    return file.unpacked ? readFileSync(join(`${this.archive}.unpacked`, path)) : asar.extractFile(this.archive, path);
  }

  /** The package names directly under the app's node_modules (`@scope/name` for scoped ones). */
  topLevelPackages(): string[] {
    const names = new Set<string>();
    for (const { path } of this.files) {
      const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
      if (m?.[1]) names.add(m[1]);
    }
    return [...names].sort();
  }

  /** Every package folder shipped, at any depth (`a`, `a/node_modules/b`, ...), by package name. */
  allPackages(): string[] {
    const names = new Set<string>();
    for (const { path } of this.files) {
      for (const m of path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)) if (m[1]) names.add(m[1]);
    }
    return [...names].sort();
  }

  /** SHA-256 of the asar header, which Electron checks against the hash the executable carries. */
  headerHash(): string {
    return createHash('sha256').update(asar.getRawHeader(this.archive).headerString).digest('hex');
  }

  extractTo(dir: string): string {
    asar.extractAll(this.archive, dir);
    return dir;
  }
}

/** Package names npm installs for production (package-lock.json entries without `dev`). */
export function productionPackages(lockfile: string): Set<string> {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const names = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    names.add(name);
  }
  return names;
}
