import { describe, expect, it } from 'vitest';
import { explainInstallFailure } from '../../../scripts/electronInstallFailure.mjs';
import { fixtureText } from '../../support/fixtures';

// Each fixture is the stderr of node_modules/electron/install.js (with scripts/electronInstallHooks.cjs)
// from a real failure; test/fixtures/start/README.md says how each one was produced.
const explain = (name: string, context = {}) => {
  const e = explainInstallFailure(fixtureText(`start/installer-stderr/${name}.txt`), context);
  return { ...e, retryText: e.retry.join('\n') };
};

describe('why Electron could not be installed', () => {
  it('names a failed DNS lookup, the host, and says to check the connection or use a mirror or proxy', () => {
    const e = explain('github-unreachable');
    expect(e.cause).toBe('network');
    expect(e.reason).toContain('github.com could not be found');
    expect(e.reason).toContain('ENOTFOUND');
    expect(e.retryText).toContain('Check the internet connection, then run `npm start` again.');
    expect(e.retryText).toContain('ELECTRON_MIRROR=');
    expect(e.retryText).toContain('HTTPS_PROXY=');
    expect(explain('dns-not-found').reason).toContain('mirror.invalid could not be found');
  });

  it('names a refused connection with the address it tried, or the proxy when one was used', () => {
    const e = explain('connection-refused');
    expect(e.cause).toBe('network');
    expect(e.reason).toMatch(/Could not connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    const viaProxy = explain('proxy-refused', { proxy: 'http://127.0.0.1:59765' });
    expect(viaProxy.cause).toBe('network');
    expect(viaProxy.reason).toContain('Could not connect to the proxy http://127.0.0.1:59765 (ECONNREFUSED at 127.0.0.1:59765)');
  });

  it('calls HTTP 403 a block, with the host, and offers a mirror, a proxy and whom to ask', () => {
    const e = explain('http-403');
    expect(e.cause).toBe('blocked');
    expect(e.reason).toMatch(/^127\.0\.0\.1:18081 refused the download \(HTTP 403 Forbidden\)/);
    expect(e.retryText).toContain('ELECTRON_MIRROR=');
    expect(e.retryText).toContain('HTTPS_PROXY=');
    expect(e.retryText).toContain('*.githubusercontent.com');
  });

  it('asks for the proxy login when the proxy answers 407 to the tunnel', () => {
    const e = explain('proxy-407', { proxy: 'http://127.0.0.1:18082' });
    expect(e.cause).toBe('blocked');
    expect(e.reason).toContain('The proxy asks for a login (HTTP 407');
    expect(e.retryText).toContain('HTTPS_PROXY=http://user:password@');
  });

  it('recognises HTTPS interception by its certificate error and points to NODE_EXTRA_CA_CERTS', () => {
    const e = explain('tls-self-signed', { systemCa: true });
    expect(e.cause).toBe('blocked');
    expect(e.reason).toContain('was not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(e.retryText).toContain('NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem npm start');
    expect(e.retryText).toContain('already trusts the certificates installed in your operating system');
    expect(explain('tls-self-signed', { systemCa: false }).retryText).not.toContain('already trusts');
  });

  it('calls a connection cut before any answer a block by a firewall or proxy', () => {
    const e = explain('reset-before-response');
    expect(e.cause).toBe('blocked');
    expect(e.reason).toContain('was cut before the download began (UND_ERR_SOCKET)');
  });

  it('calls a connection lost part-way an interrupted download, to be run again', () => {
    const e = explain('cut-mid-download');
    expect(e.cause).toBe('interrupted');
    expect(e.reason).toContain('stopped part-way');
    expect(e.retryText).toContain('Run `npm start` again.');
  });

  it('explains a checksum mismatch as a damaged or incomplete download, and what to do if it repeats', () => {
    const e = explain('checksum-mismatch');
    expect(e.cause).toBe('interrupted');
    expect(e.reason).toContain('does not match the SHA-256 checksum');
    expect(e.retryText).toContain('unset ELECTRON_MIRROR');
  });

  it('explains an archive that passed its checksum but would not unpack, and names the cache to delete', () => {
    const e = explain('archive-damaged', { cacheDir: '/home/me/.cache/electron' });
    expect(e.cause).toBe('interrupted');
    expect(e.reason).toContain('damaged and could not be unpacked');
    expect(e.retryText).toContain('delete `/home/me/.cache/electron`');
  });

  it('says the disk is full, from Node (download) and from the native extractor (unpacking)', () => {
    const download = explain('tmp-full');
    expect(download.cause).toBe('disk');
    expect(download.reason).toContain('The disk is full');
    expect(download.retryText).toContain('Free a few hundred MB');
    const unpack = explain('dist-full');
    expect(unpack.cause).toBe('disk');
    expect(unpack.reason).toContain('The disk is full: `/tmp/exp/pkg3/dist/big.bin` could not be written');
  });

  it('names the folder that is not writable: permission denied, read-only, or refused even to root', () => {
    for (const [name, path, words] of [
      ['tmp-permission-denied', '/tmp/exp/ro2', 'permission denied'],
      ['dist-permission-denied', '/tmp/exp/pkg4/dist/electron', 'permission denied'],
      ['tmp-read-only', '/tmp/exp/ro', 'read-only file system'],
      ['tmp-sysfs-eperm', '/sys', 'permission denied'],
    ] as const) {
      const e = explain(name);
      expect(e.cause, name).toBe('disk');
      expect(e.reason, name).toContain(`\`${path}\` is not writable`);
      expect(e.reason, name).toContain(`is not writable (${words})`);
      expect(e.retryText, name).toContain('TMPDIR');
    }
  });

  it('tells a missing file on the mirror (404) from a server error (502)', () => {
    const missing = explain('http-404', { mirror: 'http://127.0.0.1:18081/missing/' });
    expect(missing.cause).toBe('mirror');
    expect(missing.reason).toContain('does not exist (HTTP 404 Not Found): the mirror http://127.0.0.1:18081/missing/ has no such file');
    expect(missing.retryText).toContain('ELECTRON_CUSTOM_DIR');
    const broken = explain('http-502');
    expect(broken.cause).toBe('mirror');
    expect(broken.reason).toContain('answered with an error (HTTP 502 Bad Gateway)');
  });

  it('does not mistake a firewall refusing the connection (connect EPERM) for a disk problem', () => {
    const e = explainInstallFailure('TypeError: fetch failed\nCaused by: Error: connect EPERM 140.82.121.4:443 [EPERM]\n');
    expect(e.cause).toBe('blocked');
    expect(e.reason).toContain('a local firewall or security policy blocks it');
  });

  it('admits what it does not recognise and still says how to retry', () => {
    const e = explainInstallFailure('Error: something new\n');
    expect(e.cause).toBe('unknown');
    expect(e.reason).toContain('its own message is shown above');
    expect(e.retry[0]).toBe('Run `npm start` again.');
  });
});
