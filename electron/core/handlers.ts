import type { HandlerTable } from '../../shared/ipc/dispatch';
import type { AppState, MeetingSummary } from '../../shared/ipc/models';
import type { ConnectionService } from './connection';
import type { DemoService } from './demo';
import type { AppPaths, ExternalOpener, Logger } from './ports';
import type { SettingsStore } from './settings';

export interface HandlerDeps {
  state(): AppState;
  connection: ConnectionService;
  demo: DemoService;
  settings: SettingsStore;
  opener: ExternalOpener;
  paths: AppPaths;
  logger: Logger;
  emitState(): void;
}

/** The one handler table both transports serve. Inputs arrive already validated. */
export function createHandlers(d: HandlerDeps): HandlerTable {
  const leaveDemo = async (): Promise<void> => {
    if (d.demo.running) await d.demo.stop();
  };

  return {
    'app:getState': async () => d.state(),
    'app:reportError': async ({ message, stack }) => {
      d.logger.error('Renderer error', { message, stack });
      return null;
    },
    'settings:update': async (patch) => {
      const next = d.settings.update(patch);
      d.emitState();
      return next;
    },
    'connection:probe': async ({ url, apiKey }) => d.connection.probe(url, apiKey),
    'connection:connect': async ({ url, apiKey, keyStorage }) => {
      const view = await d.connection.connect(url, apiKey, keyStorage);
      await leaveDemo();
      return view;
    },
    'connection:recheck': async () => d.connection.recheck(),
    'connection:disconnect': async () => {
      const view = await d.connection.disconnect();
      await leaveDemo();
      return view;
    },
    'demo:start': async (input) => {
      const { url, apiKey } = await d.demo.start(input?.profile);
      try {
        return await d.connection.connect(url, apiKey, 'session', true);
      } catch (e) {
        await d.demo.stop();
        throw e;
      }
    },
    'meetings:list': async () => {
      const { meetings } = await d.connection.client().listAllMeetings();
      return meetings.map(
        (m): MeetingSummary => ({
          id: m.id,
          platform: m.platform,
          nativeMeetingId: m.nativeMeetingId,
          status: m.status,
          name: m.name,
          startTime: m.startTime,
          endTime: m.endTime,
          createdAt: m.createdAt,
        }),
      );
    },
    'shell:openExternal': async ({ url }) => {
      await d.opener.openUrl(url);
      return null;
    },
    'shell:openFolder': async ({ which }) => {
      await d.opener.openFolder(which === 'data' ? d.paths.data : d.paths.logs);
      return null;
    },
  };
}
