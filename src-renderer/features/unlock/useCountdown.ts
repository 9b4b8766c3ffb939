/** Seconds left until a deadline, ticking once a second; 0 when there is none or it has passed. */
import { useEffect, useState } from 'react';

export function useCountdown(deadline: number | null): number {
  const left = () => (deadline == null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);

  useEffect(() => {
    setSeconds(left());
    if (deadline == null) return;
    const timer = window.setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `left` only reads `deadline`
  }, [deadline]);

  return seconds;
}
