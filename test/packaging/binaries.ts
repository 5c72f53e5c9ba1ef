/*
 * What a packaged binary is, read from its header the way the OS loader reads it, so a Windows
 * installer carrying a Linux SQLite binary is caught without running it.
 */
export type BinaryFormat = 'ELF' | 'PE32+' | 'Mach-O' | 'Mach-O universal' | 'unknown';
export type CpuArch = 'x64' | 'arm64' | 'other';

export interface BinaryKind {
  format: BinaryFormat;
  arch: CpuArch;
}

const ELF_MACHINE: Record<number, CpuArch> = { 0x3e: 'x64', 0xb7: 'arm64' };
const PE_MACHINE: Record<number, CpuArch> = { 0x8664: 'x64', 0xaa64: 'arm64' };
const MACHO_CPU: Record<number, CpuArch> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

export function binaryKind(bytes: Buffer): BinaryKind {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46 && bytes[4] === 2) {
    // 64-bit ELF; e_machine follows the 16-byte ident and e_type (little-endian on both arches).
    return { format: 'ELF', arch: ELF_MACHINE[bytes.readUInt16LE(18)] ?? 'other' };
  }
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (bytes.length >= pe + 26 && bytes.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      // COFF header: machine at +4; the optional header's magic 0x20b marks PE32+ (64-bit).
      const magic = bytes.readUInt16LE(pe + 24);
      if (magic === 0x20b) return { format: 'PE32+', arch: PE_MACHINE[bytes.readUInt16LE(pe + 4)] ?? 'other' };
    }
    return { format: 'unknown', arch: 'other' };
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    return { format: 'Mach-O', arch: MACHO_CPU[bytes.readUInt32LE(4)] ?? 'other' };
  }
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xcafebabe) return { format: 'Mach-O universal', arch: 'other' };
  return { format: 'unknown', arch: 'other' };
}

/** @electron/fuses' marker; the fuse wire follows: version, length, then one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse order on the V1 wire (@electron/fuses FuseV1Options), named as electron-builder names them. */
export const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

/** Electron's own defaults: what a binary holds before electron-builder flips anything. */
export const ELECTRON_DEFAULT_FUSES = '10110001';

export function fuseWire(states: string = ELECTRON_DEFAULT_FUSES): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, states.length]), Buffer.from(states, 'latin1')]);
}

/** The fuses a binary holds, by name, or null when it has no fuse wire. */
export function readFuses(bytes: Buffer): Record<string, boolean> | null {
  const at = bytes.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) return null;
  const wire = at + FUSE_SENTINEL.length;
  const length = bytes[wire + 1] ?? 0;
  const out: Record<string, boolean> = {};
  for (let i = 0; i < length && i < FUSE_NAMES.length; i++) out[FUSE_NAMES[i] as string] = bytes[wire + 2 + i] === 0x31;
  return out;
}
