import { describe, expect, it } from 'vitest';
import { classifyNetworkError, errorCodes } from '../../../electron/core/vexa/networkErrors';

/** What undici's fetch rejects with: TypeError('fetch failed') whose cause is the socket error. */
function fetchFailed(code: string, message = code): TypeError {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError('fetch failed', { cause });
}

const ctx = { host: 'vexa.example.org', timeoutMs: 15_000 };

describe('classifyNetworkError', () => {
  it('names the host and the likely cause when nothing answers', () => {
    const refused = classifyNetworkError(fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:443'), ctx);
    expect(refused.code).toBe('unreachable');
    expect(refused.userMessage).toBe(
      'Nothing is answering at vexa.example.org (connection refused). Check the address and port, and that the Vexa server is running.',
    );
    expect(classifyNetworkError(fetchFailed('ENOTFOUND'), ctx).userMessage).toMatch(/could not be found\. Check the server URL for typos/);
    expect(classifyNetworkError(fetchFailed('EAI_AGAIN'), ctx).code).toBe('unreachable');
    expect(classifyNetworkError(fetchFailed('ECONNRESET'), ctx).userMessage).toMatch(/cut off/);
    expect(classifyNetworkError(fetchFailed('UND_ERR_SOCKET', 'other side closed'), ctx).code).toBe('unreachable');
    expect(classifyNetworkError(new TypeError('fetch failed'), ctx).code).toBe('unreachable');
  });

  it('finds the code inside an AggregateError (both address families refused)', () => {
    const agg = Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed'), {});
    const err = new TypeError('fetch failed', { cause: agg });
    expect(errorCodes(err)).toEqual(['ECONNREFUSED']);
    expect(classifyNetworkError(err, ctx).userMessage).toMatch(/connection refused/);
  });

  it('explains certificate problems in words', () => {
    const cases: [string, RegExp][] = [
      ['DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed certificate/],
      ['SELF_SIGNED_CERT_IN_CHAIN', /self-signed certificate/],
      ['CERT_HAS_EXPIRED', /certificate has expired/],
      ['ERR_TLS_CERT_ALTNAME_INVALID', /issued for a different address/],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /authority this computer does not trust/],
      ['CERT_NOT_YET_VALID', /date and time/],
    ];
    for (const [code, text] of cases) {
      const e = classifyNetworkError(fetchFailed(code), ctx);
      expect(e.code).toBe('tls');
      expect(e.userMessage).toMatch(/^The secure connection to vexa\.example\.org failed: /);
      expect(e.userMessage).toMatch(text);
    }
  });

  it('tells how to trust a private certificate authority when the issuer is unknown', () => {
    const untrusted = [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ];
    for (const code of untrusted) {
      const e = classifyNetworkError(fetchFailed(code), ctx);
      expect(e.code).toBe('tls');
      expect(e.userMessage).toMatch(/^The secure connection to vexa\.example\.org failed: .*does not trust\./);
      expect(e.userMessage).toMatch(/install that certificate in this computer's trust store and restart the app/);
      expect(e.userMessage).toMatch(/NODE_EXTRA_CA_CERTS at a PEM file/);
    }
    for (const code of ['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_REVOKED']) {
      const e = classifyNetworkError(fetchFailed(code), ctx);
      expect(e.userMessage).not.toMatch(/trust store|NODE_EXTRA_CA_CERTS/);
      expect(e.userMessage).toMatch(/give it a valid certificate for this address/);
    }
  });

  it('suggests http:// when the port does not speak TLS', () => {
    const e = classifyNetworkError(fetchFailed('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'), ctx);
    expect(e.code).toBe('tls');
    expect(e.userMessage).toMatch(/does not speak HTTPS on this port/);
  });

  it('reports connect timeouts as timeouts', () => {
    const e = classifyNetworkError(fetchFailed('UND_ERR_CONNECT_TIMEOUT'), ctx);
    expect(e.code).toBe('timeout');
    expect(e.userMessage).toBe('vexa.example.org did not answer within 15 seconds. Check your connection and try again.');
  });
});
