import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../fixtures/vexa/', import.meta.url));

/**
 * Response bodies copied from the reference documents (see each file's `_source`). Typed loosely on
 * purpose: tests walk into arbitrary server JSON, and the code under test must not trust its shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export function fixture(name: 'g1' | 'g2' | 'g3' | 'errors'): Record<string, Json> {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as Record<string, Json>;
}

export function fixturePath(relative: string): string {
  return `${dir}${relative}`;
}
