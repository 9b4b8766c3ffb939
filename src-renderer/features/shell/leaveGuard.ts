/**
 * One page at a time may hold unsaved work; before the menu switches pages it asks that page
 * whether leaving is fine (the page shows its own confirmation). No guard: leaving is fine.
 * A lock never asks: discarding the screen is always the safe side.
 */
type Guard = () => Promise<boolean>;

let current: Guard | null = null;

/** Registers the page's guard; returns the function that removes it. */
export function setLeaveGuard(guard: Guard): () => void {
  current = guard;
  return () => {
    if (current === guard) current = null;
  };
}

export function mayLeave(): Promise<boolean> {
  return current ? current() : Promise.resolve(true);
}
