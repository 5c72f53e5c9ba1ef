import { randomBytes } from 'node:crypto';
import type { Generation } from '../../shared/ipc/models';
import type { Simulator } from '../simulator';
import type { Logger } from './ports';

/**
 * "Try without an account": the Vexa simulator runs inside the app on a free loopback port
 * with a key minted for this run, and the app connects to it like to any server.
 */
export class DemoService {
  private simulator: Simulator | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly timeScale = 1,
  ) {}

  get running(): boolean {
    return this.simulator !== null;
  }

  async start(profile: Generation = 'g3'): Promise<{ url: string; apiKey: string }> {
    await this.stop();
    const apiKey = `vxa_tx_${randomBytes(16).toString('hex')}`;
    this.logger.addSecret(apiKey);
    // Loaded when the demo starts: the simulator (its server, seed meetings and admin API) is a
    // sixth of the core's modules, and a run that never tries the demo does not need it.
    const { startSimulator } = await import('../simulator');
    this.simulator = await startSimulator({
      profile,
      host: '127.0.0.1',
      port: 0,
      apiKeys: [{ key: apiKey, scopes: ['bot', 'tx', 'browser'], email: 'demo@vexa.local' }],
      seed: true,
      timeScale: this.timeScale,
      // A server's limit protects it from many clients; this one serves only this window, and a
      // 429 here could only come from the demo's own compressed time, not from anything the user did.
      rateLimitPerMinute: 0,
    });
    this.logger.info('Demo simulator started', { url: this.simulator.url, profile });
    return { url: this.simulator.url, apiKey };
  }

  async stop(): Promise<void> {
    const sim = this.simulator;
    this.simulator = null;
    if (sim) await sim.close();
  }
}
