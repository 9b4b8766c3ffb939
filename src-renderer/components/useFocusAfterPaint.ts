/**
 * Focuses an element once the first frame showing it has been painted, instead of `autoFocus`.
 * React's autoFocus calls focus() inside the commit, and focus() forces style and layout of the
 * whole page right there (and the caret, selection and :focus-visible work after it): on the
 * unlock screen that held back its first paint measurably (renderer-first-paint bench). The caret arrives
 * one frame later, before anyone can type.
 */
import { useEffect, useRef } from 'react';

export function useFocusAfterPaint<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    let timer: number | undefined;
    // rAF runs just before the next frame; the task queued from it runs after that frame.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => ref.current?.focus(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return ref;
}
