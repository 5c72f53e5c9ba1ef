import { useEffect, useRef, useState } from 'react';
import { Banner, Button } from '../../app/theme';
import { RefreshIcon } from '../../app/theme/icons';
import { RunningBotsList } from '../bots/RunningBots';
import { useNavigationStore } from '../navigation/store';
import { namesServers } from '../servers/describe';
import { useServersStore } from '../servers/store';
import { showExistingMeeting } from './actions';
import type { LaunchError } from './store';

/**
 * A failed launch that concerns neither the link nor an option, with what the person can do
 * about it. Its action takes focus, so the next step is one key away.
 */
export function LaunchErrorBanner({ error, onRetry }: { error: LaunchError; onRetry(): void }) {
  const actionRef = useRef<HTMLButtonElement>(null);
  const [finding, setFinding] = useState(false);
  const go = useNavigationStore((s) => s.go);
  const limitServer = useServersStore((s) => error.serverId ?? s.currentServerId);
  const limitLabel = useServersStore((s) =>
    namesServers(s.servers) ? (s.servers.find((v) => v.id === limitServer)?.label ?? null) : null,
  );
  useEffect(() => {
    actionRef.current?.focus();
  }, [error]);

  const showIt = async () => {
    setFinding(true);
    await showExistingMeeting();
    setFinding(false);
  };

  switch (error.place) {
    case 'alreadyActive':
      return (
        <Banner
          tone="warn"
          actions={
            <Button ref={actionRef} size="sm" busy={finding} onClick={() => void showIt()}>
              Show it
            </Button>
          }
        >
          {error.message}
        </Banner>
      );
    case 'limit':
      return (
        <div
          className="launch-limit stack-sm"
          role="group"
          aria-label={limitLabel ? `Bot limit reached on ${limitLabel}` : 'Bot limit reached'}
        >
          <Banner tone="warn" title={limitLabel ? `Your bot limit on ${limitLabel} is reached` : 'Your bot limit is reached'} live>
            {error.message} Stop a running bot below{limitLabel ? ', or send from another server' : ''}, then send again.
          </Banner>
          {limitServer ? <RunningBotsList serverId={limitServer} /> : null}
        </div>
      );
    case 'scope':
      return (
        <Banner
          tone="error"
          title="This API key cannot send bots"
          actions={
            <Button ref={actionRef} size="sm" onClick={() => go('settings')}>
              Server settings
            </Button>
          }
        >
          {error.message}
        </Banner>
      );
    case 'retry':
      return (
        <Banner
          tone="error"
          title="The server did not take the bot"
          actions={
            <Button ref={actionRef} size="sm" icon={<RefreshIcon />} onClick={onRetry}>
              Try again
            </Button>
          }
        >
          {error.message}
        </Banner>
      );
    case 'form':
      return <Banner tone="error">{error.message}</Banner>;
    default:
      return null;
  }
}
