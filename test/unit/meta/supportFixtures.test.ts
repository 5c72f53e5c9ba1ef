import { describe, expect, it } from 'vitest';
import { fixtureJson, fixturePath, fixtureText } from '../../support/fixtures';

describe('the fixture reader', () => {
  it('reads JSON and text under test/fixtures/ by a path relative to it', () => {
    expect(fixtureJson<string[]>('cache/schema.json').length).toBeGreaterThan(0);
    expect(fixtureText('tls/ca.pem')).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('refuses a path that leaves test/fixtures/', () => {
    expect(() => fixturePath('../../package.json')).toThrow(/outside test\/fixtures/);
    expect(() => fixturePath('tls/../../support/fixtures.ts')).toThrow(/outside test\/fixtures/);
  });
});
