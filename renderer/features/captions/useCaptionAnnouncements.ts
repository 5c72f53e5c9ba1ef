import { useEffect, useState } from 'react';
import { meetingKey } from '../../app/meetingKey';
import { createCaptionAnnouncer } from './announcer';
import { useCaptionsStore } from './store';

/**
 * What the view's polite live region says: newly confirmed captions of one meeting, a few
 * seconds apart at most (see announcer.ts). `seq` makes a repeated sentence a new announcement.
 */
export function useCaptionAnnouncements(serverId: string, meetingId: number, enabled: boolean): { text: string; seq: number } {
  const [message, setMessage] = useState({ text: '', seq: 0 });
  useEffect(() => {
    if (!enabled) return;
    const announcer = createCaptionAnnouncer({
      announce: (text) => setMessage((m) => ({ text, seq: m.seq + 1 })),
      now: () => Date.now(),
      schedule: (fn, ms) => {
        const timer = window.setTimeout(fn, ms);
        return () => window.clearTimeout(timer);
      },
    });
    const key = meetingKey(serverId, meetingId);
    let seen = useCaptionsStore.getState().meetings[key]?.confirmed.seq ?? 0;
    const off = useCaptionsStore.subscribe((s) => {
      const confirmed = s.meetings[key]?.confirmed;
      if (!confirmed || confirmed.seq === seen) return;
      seen = confirmed.seq;
      announcer.push(confirmed.lines);
    });
    return () => {
      off();
      announcer.dispose();
    };
  }, [serverId, meetingId, enabled]);
  return message;
}
