import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Core } from '../../electron/core/app';
import { startHarness } from '../../electron/harness/harnessServer';
import { channelNames } from '../../shared/ipc/contract';
import { dispatch, type HandlerTable } from '../../shared/ipc/dispatch';
import { emit, opsPerSecond } from './bench';
import { quietLogger } from '../support/logger';

/**
 * The IPC boundary's cost: validated dispatch against calling the handler directly, and a
 * round trip through the web harness's WebSocket against validated dispatch alone.
 */
export async function runIpcBench(): Promise<void> {
  const input = { url: 'https://api.cloud.vexa.ai', apiKey: 'k'.repeat(40), keyStorage: 'auto' };
  const handler = async (i: unknown) => i;
  const table = Object.fromEntries(channelNames.map((n) => [n, handler])) as unknown as HandlerTable;

  const direct = await opsPerSecond(() => handler(input));
  const validated = await opsPerSecond(() => dispatch(table, 'connection:connect', input));
  emit({
    name: 'ipc.dispatch_per_s',
    value: Math.round(validated),
    unit: 'req/s',
    baseline: Math.round(direct),
    ratio: +(validated / direct).toFixed(3),
    target: '>= 100000',
  });

  const dir = mkdtempSync(join(tmpdir(), 'vexa-bench-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  const core: Core = {
    handlers: table,
    logger: quietLogger,
    onEvent: () => () => {},
    closeNow: () => {},
    close: async () => {},
    notices: { seen: () => false, markSeen: () => {} },
    openLink: async () => ({ kind: 'refused', message: 'Not in this test.' }),
  };
  const harness = await startHarness({ core, rendererDir: dir });
  const token = new URL(harness.url).hash.slice('#token='.length);
  const ws = new WebSocket(`ws://${new URL(harness.origin).host}/ipc?token=${token}`, { origin: harness.origin });
  await new Promise((r) => ws.once('open', r));
  const pending = new Map<number, () => void>();
  ws.on('message', (d) => {
    const { id } = JSON.parse(d.toString()) as { id: number };
    pending.get(id)?.();
    pending.delete(id);
  });
  let next = 0;
  const roundTrip = () =>
    new Promise<void>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, channel: 'connection:connect', input }));
    });
  const viaHarness = await opsPerSecond(roundTrip, 1000, 20);
  emit({
    name: 'harness.roundtrip_per_s',
    value: Math.round(viaHarness),
    unit: 'req/s',
    baseline: Math.round(validated),
    ratio: +(viaHarness / validated).toFixed(3),
    target: '>= 5000',
  });
  ws.close();
  await harness.close();
}
