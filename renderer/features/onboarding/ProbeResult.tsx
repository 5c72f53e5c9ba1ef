import type { ProbeView } from '../../../shared/ipc/models';
import { Banner } from '../../app/theme';
import { CheckIcon } from '../../app/theme/icons';
import { CapabilityList, ServerWarnings } from '../connection/CapabilityList';
import { generationLabel, HTTP_WARNING, isThisComputer } from '../connection/describe';

export function ProbeResult({ probe }: { probe: ProbeView }) {
  return (
    <div className="probe" aria-label="Connection test result" role="group">
      <div className="probe-head">
        <span className="probe-ok" aria-hidden="true">
          <CheckIcon size={14} />
        </span>
        <div>
          <div className="probe-title">
            Vexa server found · <span className="probe-generation">{generationLabel(probe.generation)}</span>
          </div>
          {probe.userEmail ? (
            <div className="muted break">
              The key belongs to <span className="mono">{probe.userEmail}</span>
            </div>
          ) : (
            <div className="muted">The key works on this server.</div>
          )}
        </div>
      </div>
      {probe.insecure && !isThisComputer(probe.url) ? <Banner tone="warn">{HTTP_WARNING}</Banner> : null}
      <ServerWarnings warnings={probe.warnings} />
      <CapabilityList capabilities={probe.capabilities} />
    </div>
  );
}
