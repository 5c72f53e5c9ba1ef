import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as nodeTls from 'node:tls';
import type { Logger } from './ports';

/** The part of `node:tls` (Node 24.5+) that decides which authorities TLS clients trust. */
export interface CaStore {
  getCACertificates(type: 'default' | 'system'): string[];
  setDefaultCACertificates(certs: readonly string[]): void;
}

export interface TlsTrustDeps {
  env?: Readonly<Record<string, string | undefined>>;
  /** Reads a file as UTF-8 text; throws like `fs.readFileSync` when it cannot. */
  readFile?: (path: string) => string;
  tls?: CaStore;
}

export interface TlsTrustSummary {
  /** Node's default list: the bundled Mozilla authorities (plus NODE_EXTRA_CA_CERTS where Node read it itself). */
  defaults: number;
  /** Authorities in the operating system's trust store. */
  system: number;
  /** Valid certificates read from the NODE_EXTRA_CA_CERTS file. */
  extra: number;
  extraFile: string | null;
  /** Distinct authorities trusted from now on. */
  total: number;
  /** False when the default list could not be replaced: TLS then trusts only Node's defaults. */
  applied: boolean;
  warnings: string[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Makes Node's TLS clients (undici's fetch, `ws`, https) trust what the person's browser trusts:
 * Node's bundled list, the operating system's store (where IT installs a company CA) and the PEM
 * file in NODE_EXTRA_CA_CERTS, which we read ourselves because the packaged app's nodeOptions fuse
 * makes Node ignore it. Affects connections opened after the call, so it runs before the core is
 * created. Never throws: each source that fails becomes a warning and the others still apply.
 */
export function configureTlsTrust(deps: TlsTrustDeps = {}): TlsTrustSummary {
  const env = deps.env ?? process.env;
  const readFile = deps.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const tls = deps.tls ?? (nodeTls as unknown as Partial<CaStore>);
  const warnings: string[] = [];
  const extraFile = env.NODE_EXTRA_CA_CERTS?.trim() || null;
  const summary = (counts: { defaults: number; system: number; extra: number; total: number }, applied: boolean): TlsTrustSummary => ({
    ...counts,
    extraFile,
    applied,
    warnings,
  });

  if (typeof tls.getCACertificates !== 'function' || typeof tls.setDefaultCACertificates !== 'function') {
    warnings.push(
      `This runtime (Node ${process.versions.node}) cannot change the trusted certificate authorities; only Node's built-in list is trusted.`,
    );
    return summary({ defaults: 0, system: 0, extra: 0, total: 0 }, false);
  }
  const store = tls as CaStore;

  const read = (type: 'default' | 'system', what: string): string[] => {
    try {
      return store.getCACertificates(type);
    } catch (e) {
      warnings.push(`Could not read ${what}: ${describe(e)}.`);
      return [];
    }
  };
  const defaults = read('default', "Node's built-in certificate authorities");
  const system = read('system', "the operating system's trusted certificate authorities");
  const extra = extraFile ? readExtraFile(extraFile, readFile, warnings) : [];

  const unique = new Map<string, string>();
  for (const pem of [...defaults, ...system, ...extra]) {
    const key = pem.replace(/\s+/g, '');
    if (!unique.has(key)) unique.set(key, pem);
  }
  const counts = { defaults: defaults.length, system: system.length, extra: extra.length, total: unique.size };
  if (unique.size === 0) {
    warnings.push('Found no certificate authorities to trust; keeping the current list.');
    return summary(counts, false);
  }
  try {
    store.setDefaultCACertificates([...unique.values()]);
    return summary(counts, true);
  } catch (e) {
    warnings.push(`Could not change the trusted certificate authorities: ${describe(e)}.`);
    return summary(counts, false);
  }
}

/** The valid certificates in a PEM file, re-encoded so that nothing around a block reaches OpenSSL. */
function readExtraFile(file: string, readFile: (path: string) => string, warnings: string[]): string[] {
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    warnings.push(
      code === 'ENOENT'
        ? `NODE_EXTRA_CA_CERTS names ${file}, which does not exist; continuing without it.`
        : `NODE_EXTRA_CA_CERTS names ${file}, which could not be read (${describe(e)}); continuing without it.`,
    );
    return [];
  }
  const certs: string[] = [];
  let invalid = 0;
  for (const block of text.match(PEM_BLOCK) ?? []) {
    try {
      certs.push(new X509Certificate(block).toString());
    } catch {
      invalid++;
    }
  }
  if (invalid > 0) {
    warnings.push(
      `NODE_EXTRA_CA_CERTS file ${file} has ${invalid} certificate block(s) that are not valid certificates; they were skipped.`,
    );
  }
  if (certs.length === 0 && invalid === 0) {
    warnings.push(
      `NODE_EXTRA_CA_CERTS names ${file}, which contains no PEM certificates ("-----BEGIN CERTIFICATE-----"); continuing without it.`,
    );
  }
  return certs;
}

function describe(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Whether Node itself already trusts the operating system's store: started with
 * `--use-system-ca` (or NODE_USE_SYSTEM_CA=1), as `npm run web` starts the browser version. Plain
 * Node then adds the OS store to its bundled list and reads NODE_EXTRA_CA_CERTS itself, the same
 * authorities `configureTlsTrust` gathers, but only when the first secure connection needs them
 * instead of ~100 ms of reading and parsing certificates before the app can answer.
 * https://nodejs.org/api/cli.html#--use-system-ca (Linux: OpenSSL's default file and folder, or
 * SSL_CERT_FILE / SSL_CERT_DIR). Electron ignores both, so the desktop app always configures.
 */
export function nodeTrustsSystemStore(execArgv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return execArgv.includes('--use-system-ca') || env.NODE_USE_SYSTEM_CA === '1';
}

/** One info line with the counts, and a warning line for each problem. */
export function logTlsTrust(logger: Pick<Logger, 'info' | 'warn'>, summary: TlsTrustSummary): void {
  const { warnings, ...fields } = summary;
  logger.info('Trusted certificate authorities', fields);
  for (const warning of warnings) logger.warn(warning);
}
