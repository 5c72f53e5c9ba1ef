import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_META_CSP } from '../../../electron/main/shell/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('renderer content security policy', () => {
  it('is exactly the strict policy', () => {
    expect(RENDERER_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; media-src 'self'; " +
        "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('allows no inline or evaluated code and no network from the renderer', () => {
    const d = directives(RENDERER_CSP);
    for (const values of d.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'none'"]);
  });
});

describe('renderer/index.html', () => {
  it('carries the same policy in its meta tag, less the header-only frame-ancestors', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(RENDERER_META_CSP);
    expect(RENDERER_META_CSP).not.toContain('frame-ancestors');
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
    // Every other directive is the same in both.
    expect(RENDERER_META_CSP.split('; ')).toEqual(RENDERER_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')));
  });
});
