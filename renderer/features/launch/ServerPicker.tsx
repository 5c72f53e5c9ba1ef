import { useEffect, useId } from 'react';
import { Bidi } from '../../app/theme';
import { botSlots } from '../servers/actions';
import { launchReason, sendingServers, serverColour, serverGeneration, slotsText } from '../servers/describe';
import { useServersStore } from '../servers/store';
import { useLaunchStore } from './store';
import '../servers/servers.css';

/**
 * Which server sends the bot, once more than one can: each with its API version and free bot
 * slots, the one offered for the link marked with why ("Last used for Microsoft Teams links").
 * Radios, so the arrow keys move between servers and screen readers hear the group's legend.
 */
export function ServerPicker({ value }: { value: string | null }) {
  const servers = useServersStore((s) => s.servers);
  const slots = useServersStore((s) => s.slots);
  const link = useLaunchStore((s) => s.link.trim());
  const target = useLaunchStore((s) => (s.target && s.target.link === link ? s.target.view : null));
  const name = useId();
  const sending = sendingServers(servers);
  const several = sending.length > 1;

  useEffect(() => {
    if (!several) return;
    // Bots sent from elsewhere since the last push count too: the core reads them on demand.
    void botSlots().then((result) => {
      if (result.ok) useServersStore.getState().setSlots(result.value);
    });
  }, [several]);

  if (!several) return null;
  const reason = launchReason(target);
  return (
    <fieldset className="launch-servers">
      <legend className="launch-servers-legend">Send from</legend>
      <div className="launch-server-options">
        {sending.map((server) => {
          const checked = server.id === value;
          const offered = reason !== null && target?.serverId === server.id;
          const free = slotsText(slots[server.id] ?? server.slots);
          const nameId = `${name}-${server.position}-name`;
          const detailId = `${name}-${server.position}-detail`;
          return (
            <label
              key={server.id}
              className="launch-server radio-card"
              data-checked={checked}
              data-server-colour={serverColour(server)}
              data-server-id={server.id}
            >
              <input
                type="radio"
                name={name}
                value={server.id}
                checked={checked}
                aria-labelledby={nameId}
                aria-describedby={detailId}
                onChange={() => useLaunchStore.getState().pickServer(server.id)}
              />
              <span className="server-swatch" aria-hidden="true" />
              <span className="launch-server-text">
                <span id={nameId} className="launch-server-name break">
                  <Bidi>{server.label}</Bidi>
                </span>
                <span id={detailId} className="launch-server-detail">
                  {[serverGeneration(server), free, offered ? reason : null].filter(Boolean).join(' · ')}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
