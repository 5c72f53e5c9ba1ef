import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/** The repository's root, for tests that read its own files (package.json, scripts). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures');

/**
 * Recorded and hand-written inputs under test/fixtures/ (server replies copied from the reference
 * documents, export samples, certificates, installer output). JSON comes back loosely typed on
 * purpose: tests walk into arbitrary server JSON, and the code under test must not trust its shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The absolute path of `relative` (slash-separated) under test/fixtures/; refuses to leave it. */
export function fixturePath(relative: string): string {
  const path = resolve(FIXTURES, ...relative.split('/'));
  if (path !== FIXTURES && !path.startsWith(FIXTURES + sep)) throw new Error(`fixturePath: “${relative}” is outside test/fixtures`);
  return path;
}

/** A fixture file's text (UTF-8). */
export function fixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** A fixture file's bytes (certificates and keys as servers take them). */
export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/** A JSON fixture, parsed afresh on each call so a test may change its copy. */
export function fixtureJson<T = Json>(relative: string): T {
  return JSON.parse(fixtureText(relative)) as T;
}
