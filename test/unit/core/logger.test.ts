import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, redactText } from '../../../electron/core/logger';

const dir = () => mkdtempSync(join(tmpdir(), 'vexa-log-'));

describe('file logger', () => {
  it('never writes a registered secret or a secret-shaped value', async () => {
    const d = dir();
    const log = createFileLogger({ dir: d });
    const key = 'my-very-secret-key-123456';
    log.addSecret(key);
    log.info(`connecting with ${key}`, { apiKey: 'plain-field-value', nested: { url: `wss://x/ws?api_key=${key}`, token: 't0ken' } });
    log.warn('header X-API-Key: abcdef123456 and vxa_bot_ABCDEFGHIJKLMNOPQRSTUVWXYZ123456');
    log.error('failed', { error: new Error(`boom ${key}`) });
    await log.close();
    const text = readFileSync(join(d, 'companion.log'), 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain('plain-field-value');
    expect(text).not.toContain('t0ken');
    expect(text).not.toContain('abcdef123456');
    expect(text).not.toContain('ABCDEFGHIJKLMNOP');
    expect(text).toContain('[hidden]');
    expect(text.trim().split('\n')).toHaveLength(3);
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const d = dir();
    const log = createFileLogger({ dir: d, maxBytes: 2_000, maxFiles: 2 });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(d).sort();
    expect(files).toEqual(['companion.1.log', 'companion.2.log', 'companion.log']);
    expect(readFileSync(join(d, 'companion.log'), 'utf8')).toContain('line 199');
    expect(existsSync(join(d, 'companion.3.log'))).toBe(false);
  });

  it('drops lines below the configured level', () => {
    const d = dir();
    const log = createFileLogger({ dir: d, level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    expect(readFileSync(join(d, 'companion.log'), 'utf8')).toMatch(/^\S+ WARN loud\n$/);
  });
});

describe('redactText', () => {
  it('hides a secret ending in dots when a message echoes it without them', () => {
    const key = 'pZviBRSBG4VElSDKCyxC-_Jhtd.';
    const message = `The Vexa server ran into an internal error (HTTP 500: Bad header ${key.slice(0, -1)}). Try again.`;
    expect(redactText(message, new Set([key]))).toBe(
      'The Vexa server ran into an internal error (HTTP 500: Bad header [hidden]). Try again.',
    );
    expect(redactText(`sent ${key} twice: ${key}`, new Set([key]))).toBe('sent [hidden] twice: [hidden]');
  });

  it('hides api_key query values but keeps the rest of the URL readable', () => {
    expect(redactText('wss://h/ws?api_key=abc&x=1', new Set())).toBe('wss://h/ws?api_key=[hidden]&x=1');
  });
});
