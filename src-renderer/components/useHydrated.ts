/**
 * false while React hydrates HTML that was rendered at build time (first-screen/prerender.tsx) and
 * in that HTML itself; true from the render right after, and always true in a page React rendered
 * itself. Fields that stay read-only until then keep typing out of inputs React does not own yet: a
 * value typed before hydration would show in the field while the form's state stayed empty.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
