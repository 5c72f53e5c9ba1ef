import { useState } from 'react';
import { Banner, Button } from './theme';

/**
 * Said once after the desktop shell reloaded the window because its page crashed
 * (electron/main/shell/windowRecovery.ts): the blank window came back, and the person should know
 * why the screen started over. It floats above the layout so no screen has to make room for it.
 */
export function RestartNotice() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="restart-notice">
      <Banner
        tone="warn"
        live
        title="The window restarted after a problem"
        actions={
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
            Dismiss
          </Button>
        }
      >
        Your meetings, bots and live captions carried on. If it happens again, Help › Open the log folder has the details.
      </Banner>
    </div>
  );
}
