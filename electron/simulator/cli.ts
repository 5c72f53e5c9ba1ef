import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startSimulator, SIM_PROFILES, SIM_SCENARIOS, type SimProfile, type SimScenario } from './index';

const USAGE = `Usage: npm run simulator -- [--profile g1|g2|g3] [--host 127.0.0.1] [--port 0] [--scenario normal]
  [--time-scale 1] [--api-key KEY]... [--admin-key KEY] [--seed] [--rate-limit N]
  [--caption-delay-ms N] [--clock-skew-ms N] [--script-lines N]

--caption-delay-ms N: every transcript change goes out N simulated ms late (a known caption delay).
--clock-skew-ms N: the server's clock runs N ms ahead of this computer's (negative: behind).
--script-lines N: the normal meeting speaks only the first N lines of its script.

--rate-limit N: requests a minute per key before 429; 0 turns it off. Default: the generation's
own (G2 120, G1 and G3 none).

The first line on stdout is {"event":"listening","url":...,"profile":...}; on g3 with --admin-key
it also has "adminUrl", the separate address of the admin API (without an admin key none is
opened). Logs go to stderr.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string', default: 'g3' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      scenario: { type: 'string', default: 'normal' },
      'time-scale': { type: 'string', default: '1' },
      'api-key': { type: 'string', multiple: true },
      'admin-key': { type: 'string' },
      seed: { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
      'caption-delay-ms': { type: 'string', default: '0' },
      'clock-skew-ms': { type: 'string', default: '0' },
      'script-lines': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const profile = SIM_PROFILES.find((p) => p === values.profile) ?? fail(`Unknown --profile ${values.profile}`);
  const scenario = SIM_SCENARIOS.find((s) => s === values.scenario) ?? fail(`Unknown --scenario ${values.scenario}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
  const timeScale = Number(values['time-scale']);
  if (!(timeScale > 0)) fail(`--time-scale must be a positive number, got ${values['time-scale']}`);
  // Without --rate-limit the generation's own default applies (G2: 120 requests a minute per key).
  const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= 0))
    fail(`--rate-limit must be 0 or more, got ${values['rate-limit']}`);

  const captionDelayMs = Number(values['caption-delay-ms']);
  if (!(Number.isFinite(captionDelayMs) && captionDelayMs >= 0))
    fail(`--caption-delay-ms must be 0 or more, got ${values['caption-delay-ms']}`);
  const clockSkewMs = Number(values['clock-skew-ms']);
  if (!Number.isFinite(clockSkewMs)) fail(`--clock-skew-ms must be a number, got ${values['clock-skew-ms']}`);
  const scriptLines = values['script-lines'] === undefined ? undefined : Number(values['script-lines']);
  if (scriptLines !== undefined && !(Number.isInteger(scriptLines) && scriptLines > 0))
    fail(`--script-lines must be 1 or more, got ${values['script-lines']}`);

  let apiKeys = values['api-key'];
  if (!apiKeys || apiKeys.length === 0) {
    apiKeys = [`sim_${randomBytes(12).toString('hex')}`];
    process.stderr.write(`No --api-key given; use this key: ${apiKeys[0]}\n`);
  }

  const sim = await startSimulator({
    profile: profile as SimProfile,
    scenario: scenario as SimScenario,
    host: values.host,
    port,
    timeScale,
    apiKeys,
    ...(values['admin-key'] ? { adminKey: values['admin-key'] } : {}),
    seed: values.seed,
    ...(rateLimit !== undefined ? { rateLimitPerMinute: rateLimit } : {}),
    captionDelayMs,
    clockSkewMs,
    ...(scriptLines !== undefined ? { scriptLines } : {}),
    log: (line) => process.stderr.write(`[simulator] ${line}\n`),
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[simulator] ${signal}: shutting down\n`);
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // Printed only once the handlers are in place: a parent may signal as soon as it reads this line.
  // Only a separate admin address is news; G1/G2 serve /admin on `url`, and G3 without a key has none.
  const admin = sim.adminUrl && sim.adminUrl !== sim.url ? { adminUrl: sim.adminUrl } : {};
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: sim.url, profile: sim.profile, ...admin })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[simulator] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
