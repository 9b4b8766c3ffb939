/**
 * What an online loan's reading view and the offline reader share beside their look: the view
 * ends once, closes itself at the due time even when left open, and Ctrl/Cmd+P goes through the
 * journaled (or logged) print rather than the browser's own.
 */
import { useCallback, useEffect, useRef } from 'react';

// setTimeout holds at most 2^31-1 ms; a longer wait is re-armed when it fires.
const MAX_TIMER = 2_147_483_647;

/**
 * `end(why)` empties the shown content (`setShown(null)`, a state setter) and calls `onClose`, the
 * first time only: a late fetch or timer cannot close the view twice.
 */
export function useReadingEnd<W>(onClose: (why: W) => void, setShown: (none: null) => void): (why: W) => void {
  const closed = useRef(false);
  return useCallback(
    (why: W) => {
      if (closed.current) return;
      closed.current = true;
      setShown(null);
      onClose(why);
    },
    [onClose, setShown],
  );
}

/** Calls `onDue` at `dueAt` (an ISO time), at once when it has passed. */
export function useCloseAtDue(dueAt: string | null | undefined, onDue: () => void): void {
  useEffect(() => {
    if (!dueAt) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const left = new Date(dueAt).getTime() - Date.now();
      if (left <= 0) onDue();
      else timer = setTimeout(arm, Math.min(left, MAX_TIMER));
    };
    arm();
    return () => clearTimeout(timer);
  }, [dueAt, onDue]);
}

/** Ctrl/Cmd+P calls `print` instead of the browser's dialog, so no print skips the record. */
export function usePrintShortcut(print: () => Promise<void>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        void print();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [print]);
}
