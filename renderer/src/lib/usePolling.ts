import { useEffect, useRef } from 'react';
import { onLiveChange } from '../live';

/**
 * Runs `tick` now, every `ms` milliseconds, whenever the window gets the focus back (the official
 * returns to the desk) and whenever the register changes at any desk (live.ts), but not more than
 * once a second (a change inside that second runs it once the second is over).
 */
export function usePolling(tick: () => void, ms = 60_000, enabled = true): void {
  const ref = useRef(tick);
  ref.current = tick;
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    let trailing: number | undefined;
    const run = () => {
      const now = Date.now();
      if (now - last < 1000) {
        trailing ??= window.setTimeout(() => {
          trailing = undefined;
          run();
        }, 1000 - (now - last));
        return;
      }
      last = now;
      ref.current();
    };
    const offLive = onLiveChange(() => run());
    run();
    const timer = window.setInterval(run, ms);
    const onFocus = () => run();
    const onVisible = () => {
      if (document.visibilityState === 'visible') run();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offLive();
      window.clearTimeout(trailing);
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ms, enabled]);
}
