import { useEffect, useState } from 'react';

export interface CheckingStatusProps {
  photos: number;
  /** When the wait began (ms since epoch): the indicator appears only for waits over half a second. */
  startedAt: number;
  sendHeld: boolean;
  /** For tests: the current time. */
  now?: () => number;
}

export const PROGRESS_DELAY_MS = 500;

/** "Checking..." with an indeterminate progress bar, shown once a wait has lasted half a second. */
export function CheckingStatus({ photos, startedAt, sendHeld, now = Date.now }: CheckingStatusProps) {
  const [visible, setVisible] = useState(() => now() - startedAt >= PROGRESS_DELAY_MS);
  useEffect(() => {
    if (visible) return undefined;
    const timer = setTimeout(() => setVisible(true), Math.max(0, startedAt + PROGRESS_DELAY_MS - now()));
    return () => clearTimeout(timer);
  }, [visible, startedAt, now]);

  const what = photos === 0 ? 'this post' : photos === 1 ? 'the photo' : `the ${photos} photos`;
  return (
    <div className="cp-checking" role="status">
      {visible && (
        <>
          <span className="cp-checking-text">
            Checking {what} on this computer…{sendHeld ? ' Your post will be sent as soon as the check passes.' : ''}
          </span>
          <progress className="cp-progress" aria-label={`Checking ${what}`} />
        </>
      )}
    </div>
  );
}
