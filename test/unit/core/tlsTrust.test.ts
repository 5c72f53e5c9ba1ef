import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configureTlsTrust, logTlsTrust, nodeTrustsSystemStore, type CaStore } from '../../../electron/core/tlsTrust';
import { fixtureText } from '../../support/fixtures';

const CA = fixtureText('tls/ca.pem');
const SERVER = fixtureText('tls/server.pem');
const MOZILLA_A = '-----BEGIN CERTIFICATE-----\nQUFB\n-----END CERTIFICATE-----\n';
const MOZILLA_B = '-----BEGIN CERTIFICATE-----\nQkJC\n-----END CERTIFICATE-----\n';

const dir = mkdtempSync(join(tmpdir(), 'vexa-tls-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function fakeStore(stores: { default: string[]; system: string[] }, options: { systemFails?: boolean; setFails?: boolean } = {}) {
  const applied: string[][] = [];
  const tls: CaStore = {
    getCACertificates: (type) => {
      if (type === 'system' && options.systemFails) throw new Error('keychain locked');
      return stores[type];
    },
    setDefaultCACertificates: (certs) => {
      if (options.setFails) throw new Error('No valid certificates found in the provided array');
      applied.push([...certs]);
    },
  };
  return { tls, applied };
}

const squash = (pem: string) => pem.replace(/\s+/g, '');

describe('configureTlsTrust', () => {
  it('trusts the bundled list, the system store and the NODE_EXTRA_CA_CERTS file, each authority once', () => {
    const { tls, applied } = fakeStore({ default: [MOZILLA_A, MOZILLA_B], system: [MOZILLA_B, CA] });
    // The same CA as in the system store, with Windows line endings, plus a second certificate.
    const extra = file('bundle.pem', `${CA.replace(/\n/g, '\r\n')}\n${SERVER}`);
    const summary = configureTlsTrust({ env: { NODE_EXTRA_CA_CERTS: extra }, tls });

    expect(applied).toHaveLength(1);
    expect(applied[0]!.map(squash)).toEqual([MOZILLA_A, MOZILLA_B, CA, SERVER].map(squash));
    expect(summary).toEqual({ defaults: 2, system: 2, extra: 2, extraFile: extra, total: 4, applied: true, warnings: [] });
  });

  it('reads no file when NODE_EXTRA_CA_CERTS is not set', () => {
    const { tls, applied } = fakeStore({ default: [MOZILLA_A], system: [CA] });
    const readFile = (path: string): string => {
      throw new Error(`read ${path}`);
    };
    for (const env of [{}, { NODE_EXTRA_CA_CERTS: '  ' }]) {
      const summary = configureTlsTrust({ env, readFile, tls });
      expect(summary).toMatchObject({ extraFile: null, extra: 0, total: 2, applied: true, warnings: [] });
    }
    expect(applied.at(-1)).toEqual([MOZILLA_A, CA]);
  });

  it.each([
    ['a missing file', () => join(dir, 'nowhere.pem'), /nowhere\.pem, which does not exist/],
    ['an unreadable file', () => dir, /, which could not be read \(EISDIR\)/],
    [
      'a file without any certificate',
      () => file('notes.txt', 'ask IT for the company CA\n'),
      /notes\.txt, which contains no PEM certificates/,
    ],
  ])('warns about %s with its path and still trusts the other sources', (_name, path, warning) => {
    const { tls, applied } = fakeStore({ default: [MOZILLA_A], system: [CA] });
    const extraFile = path();
    const summary = configureTlsTrust({ env: { NODE_EXTRA_CA_CERTS: extraFile }, tls });

    expect(summary.applied).toBe(true);
    expect(summary.extra).toBe(0);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toContain(extraFile);
    expect(summary.warnings[0]).toMatch(warning);
    expect(applied).toEqual([[MOZILLA_A, CA]]);
  });

  it('skips a corrupt certificate block but keeps the valid ones in the same file', () => {
    const { tls, applied } = fakeStore({ default: [MOZILLA_A], system: [] });
    const extraFile = file('mixed.pem', `-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n${CA}`);
    const summary = configureTlsTrust({ env: { NODE_EXTRA_CA_CERTS: extraFile }, tls });

    expect(summary).toMatchObject({ extra: 1, total: 2, applied: true });
    expect(summary.warnings).toEqual([expect.stringContaining(`${extraFile} has 1 certificate block(s) that are not valid`)]);
    expect(applied[0]!.map(squash)).toEqual([MOZILLA_A, CA].map(squash));
  });

  it('still applies the file when the system store cannot be read', () => {
    const { tls, applied } = fakeStore({ default: [MOZILLA_A], system: [CA] }, { systemFails: true });
    const summary = configureTlsTrust({ env: { NODE_EXTRA_CA_CERTS: file('ca.pem', CA) }, tls });

    expect(summary).toMatchObject({ defaults: 1, system: 0, extra: 1, total: 2, applied: true });
    expect(summary.warnings).toEqual([expect.stringMatching(/operating system's trusted certificate authorities: keychain locked/)]);
    expect(applied[0]!.map(squash)).toEqual([MOZILLA_A, CA].map(squash));
  });

  it('never throws at startup, even when the runtime refuses the new list or lacks the API', () => {
    const { tls } = fakeStore({ default: [MOZILLA_A], system: [] }, { setFails: true });
    const refused = configureTlsTrust({ env: {}, tls });
    expect(refused.applied).toBe(false);
    expect(refused.warnings).toEqual([expect.stringMatching(/^Could not change the trusted certificate authorities/)]);

    const old = configureTlsTrust({ env: {}, tls: {} as CaStore });
    expect(old.applied).toBe(false);
    expect(old.warnings[0]).toMatch(/cannot change the trusted certificate authorities/);
  });
});

describe('logTlsTrust', () => {
  it('logs the counts at info and each problem at warn', () => {
    const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
    const logger = {
      info: (m: string, f?: Record<string, unknown>) => lines.push(['info', m, f]),
      warn: (m: string, f?: Record<string, unknown>) => lines.push(['warn', m, f]),
    };
    logTlsTrust(logger, {
      defaults: 120,
      system: 140,
      extra: 0,
      extraFile: '/etc/company-ca.pem',
      total: 250,
      applied: true,
      warnings: ['NODE_EXTRA_CA_CERTS names /etc/company-ca.pem, which does not exist; continuing without it.'],
    });
    expect(lines).toEqual([
      [
        'info',
        'Trusted certificate authorities',
        { defaults: 120, system: 140, extra: 0, extraFile: '/etc/company-ca.pem', total: 250, applied: true },
      ],
      ['warn', 'NODE_EXTRA_CA_CERTS names /etc/company-ca.pem, which does not exist; continuing without it.', undefined],
    ]);
  });
});

describe('nodeTrustsSystemStore', () => {
  it('is true when Node was started with --use-system-ca or NODE_USE_SYSTEM_CA=1, as npm run web starts it', () => {
    expect(nodeTrustsSystemStore(['--use-system-ca'], {})).toBe(true);
    expect(nodeTrustsSystemStore([], { NODE_USE_SYSTEM_CA: '1' })).toBe(true);
    expect(nodeTrustsSystemStore(['--import', 'tsx'], {})).toBe(false);
    expect(nodeTrustsSystemStore([], { NODE_USE_SYSTEM_CA: '0' })).toBe(false);
  });
});
