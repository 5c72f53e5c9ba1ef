import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ResEdit from 'resedit';
import { fuseWire } from './binaries';

/*
 * Unpacked "Electron" folders for electron-builder's `electronDist`, standing in for the Electron
 * zip that cannot be downloaded here. They hold what electron-builder reads and edits, and no
 * browser: executables that are scripts (or, for Windows, a real but empty PE32+ image), each
 * with Electron's fuse wire at Electron's defaults, so the package's fuses are flipped for real
 * and can be read back. The Windows image carries a VERSIONINFO resource because electron-builder
 * writes the asar integrity hash into the executable's resources (addWinAsarIntegrity).
 */
export type StandInOs = 'linux' | 'win' | 'mac';

const ELECTRON_VERSION = '45.5.0';

function scriptWithFuses(): Buffer {
  return Buffer.concat([Buffer.from('#!/bin/sh\necho "Electron stand-in for packaging tests"\nexit 0\n'), fuseWire()]);
}

function writeExecutable(path: string, bytes: Buffer): void {
  writeFileSync(path, bytes);
  chmodSync(path, 0o755);
}

function commonFiles(dir: string): void {
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  writeFileSync(join(dir, 'LICENSE'), 'Electron stand-in');
}

/** A PE32+ x86-64 GUI executable with version information and the fuse wire in an RCDATA resource. */
export function standInWindowsExe(): Buffer {
  const exe = ResEdit.NtExecutable.createEmpty(false, false);
  const resources = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setFileVersion(45, 5, 0, 0);
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', OriginalFilename: 'electron.exe' });
  version.outputToResourceEntries(resources.entries);
  const wire = fuseWire();
  resources.entries.push({
    type: 10,
    id: 1,
    lang: 1033,
    codepage: 1200,
    bin: wire.buffer.slice(wire.byteOffset, wire.byteOffset + wire.length) as ArrayBuffer,
  });
  resources.outputResource(exe);
  return Buffer.from(exe.generate());
}

function plist(entries: Record<string, string>): string {
  const body = Object.entries(entries)
    .map(([k, v]) => `<key>${k}</key><string>${v}</string>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>${body}</dict></plist>\n`;
}

function macApp(dir: string): void {
  const contents = join(dir, 'Electron.app', 'Contents');
  const helper = join(contents, 'Frameworks', 'Electron Helper.app', 'Contents');
  const framework = join(contents, 'Frameworks', 'Electron Framework.framework');
  for (const d of [join(contents, 'MacOS'), join(contents, 'Resources'), join(helper, 'MacOS'), framework])
    mkdirSync(d, { recursive: true });
  const info = {
    CFBundleExecutable: 'Electron',
    CFBundleIdentifier: 'com.github.Electron',
    CFBundleName: 'Electron',
    CFBundlePackageType: 'APPL',
  };
  writeFileSync(join(contents, 'Info.plist'), plist(info));
  writeExecutable(join(contents, 'MacOS', 'Electron'), scriptWithFuses());
  writeFileSync(
    join(helper, 'Info.plist'),
    plist({
      ...info,
      CFBundleExecutable: 'Electron Helper',
      CFBundleIdentifier: 'com.github.Electron.helper',
      CFBundleName: 'Electron Helper',
    }),
  );
  writeExecutable(join(helper, 'MacOS', 'Electron Helper'), scriptWithFuses());
  // On macOS the fuses live in the framework binary (@electron/fuses pathToFuseFile).
  writeFileSync(join(framework, 'Electron Framework'), fuseWire());
}

/** Writes the stand-in for one OS into `dir` and returns `dir`. */
export function makeStandInElectron(os: StandInOs, dir: string): string {
  mkdirSync(dir, { recursive: true });
  commonFiles(dir);
  if (os === 'linux') writeExecutable(join(dir, 'electron'), scriptWithFuses());
  else if (os === 'win') writeFileSync(join(dir, 'electron.exe'), standInWindowsExe());
  else macApp(dir);
  return dir;
}
