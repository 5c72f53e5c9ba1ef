import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import { detectLink } from '../launch/describe';
import { useLaunchStore } from '../launch/store';
import { scheduleBot } from './actions';
import { schedulingUnavailable } from './describe';
import { usePlanningStore } from './store';

/**
 * Launch's "Later": the link is checked as for a bot sent now, then the date and time; the server
 * refuses nothing the form already knows it would.
 */
export async function scheduleLater(generation: ServerGeneration | null, serverId: string | null): Promise<boolean> {
  const form = useLaunchStore.getState();
  if (form.busy) return false;
  const unavailable = schedulingUnavailable(generation, 'plans');
  if (unavailable) {
    form.failed({ code: 'unsupported', message: unavailable, place: 'form' });
    return false;
  }
  const text = form.link.trim();
  const detection = detectLink(text);
  if (detection.state !== 'ok') {
    form.failed({
      code: 'invalid_link',
      message: detection.state === 'empty' ? 'Paste a meeting link first.' : detection.message,
      place: 'link',
    });
    return false;
  }
  form.started();
  const r = await scheduleBot({ link: text, serverId });
  if (!r.ok) {
    // A date or time problem is shown under its own field.
    if (usePlanningStore.getState().whenError) useLaunchStore.setState({ busy: false });
    else useLaunchStore.getState().failed({ code: 'plan', message: r.message, place: 'form' });
    return false;
  }
  useLaunchStore.getState().succeeded();
  return true;
}
