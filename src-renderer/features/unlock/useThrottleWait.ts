/**
 * The wait main asks for after too many refused sign-ins (`vault.throttled`), counted down: the unlock
 * and server sign-in screens both hold their submit button until it ends.
 */
import { useCallback, useState } from 'react';
import { throttleSeconds } from './throttle';
import { useCountdown } from './useCountdown';

export function useThrottleWait(): { waiting: number; noteRefusal: (cause: unknown) => void } {
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waiting = useCountdown(waitUntil);
  // Any other refusal ends a wait shown before.
  const noteRefusal = useCallback((cause: unknown) => {
    const seconds = throttleSeconds(cause);
    setWaitUntil(seconds == null ? null : Date.now() + seconds * 1000);
  }, []);
  return { waiting, noteRefusal };
}
