import type { CoreOptions } from './app';
import { createMcpHttpHandlers, McpHttpService } from './mcpHttp';
import type { Logger } from './ports';

/**
 * The core's one hook for the library over HTTP: the service, started in the background (it
 * serves again if it was on at the last close), and its handlers. The core closes it on quit.
 */
export function startMcpHttp(input: { options: CoreOptions; logger: Logger; exposed(): string[] }) {
  const service = new McpHttpService({
    dataDir: input.options.paths.data,
    version: input.options.version,
    logger: input.logger,
    exposed: input.exposed,
    ports: input.options.mcpHttpPorts,
  });
  void service.start().catch((e: unknown) => input.logger.warn('Could not serve the library over HTTP', { error: String(e) }));
  return { service, handlers: createMcpHttpHandlers(service) };
}
