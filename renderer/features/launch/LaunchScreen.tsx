import { Badge, Button, Card, Tooltip } from '../../app/theme';
import { SendIcon, ServerIcon } from '../../app/theme/icons';
import { generationLabel } from '../connection/describe';
import { useConnectionStore } from '../connection/store';
import './launch.css';

export function LaunchScreen() {
  const server = useConnectionStore((s) => s.view?.server ?? null);
  return (
    <div className="screen-content">
      {server ? (
        <Card>
          <div className="launch-server">
            <span className="launch-server-icon" aria-hidden="true">
              <ServerIcon size={18} />
            </span>
            <div className="launch-server-text">
              <div className="row">
                <strong>{server.label}</strong>
                <Badge tone={server.demo ? 'demo' : 'accent'}>{generationLabel(server.generation)}</Badge>
              </div>
              <div className="muted mono break">{server.url}</div>
            </div>
            {server.userEmail ? <div className="muted break">{server.userEmail}</div> : null}
          </div>
        </Card>
      ) : null}
      <Card
        title="Send a bot"
        description="Paste a Google Meet, Teams, Zoom or Jitsi link and a Vexa bot joins the call to transcribe it. You are told the moment it waits in the lobby."
      >
        <div className="row">
          <Tooltip text="Sending bots arrives with the launch screen">
            <Button variant="primary" unavailable icon={<SendIcon />}>
              Send a bot
            </Button>
          </Tooltip>
        </div>
      </Card>
    </div>
  );
}
