import type { CapabilitiesView } from '../../../shared/ipc/models';
import { CheckIcon, CrossIcon } from '../../app/theme/icons';
import { describeCapabilities } from './describe';
import './connection.css';

export function CapabilityList({ capabilities }: { capabilities: CapabilitiesView }) {
  return (
    <ul className="capabilities" aria-label="What this server offers">
      {describeCapabilities(capabilities)
        // What works first, then what this version lacks: easier to scan than an interleaved list.
        .sort((a, b) => Number(b.available) - Number(a.available))
        .map((line) => (
          <li key={line.key} data-available={line.available}>
            {line.available ? <CheckIcon size={14} /> : <CrossIcon size={14} />}
            <span>
              {line.name}
              <span className="capability-state">: {line.available ? 'available' : 'not on this server version'}</span>
            </span>
          </li>
        ))}
    </ul>
  );
}

/** Warnings the server check produced; server text is rendered as text. */
export function ServerWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="server-warnings">
      {warnings.map((warning, index) => (
        <li key={index}>{warning}</li>
      ))}
    </ul>
  );
}
