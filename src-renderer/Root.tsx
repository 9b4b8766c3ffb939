/**
 * The element the renderer mounts, and the one the build renders to HTML for the first screen
 * (first-screen/prerender.tsx): hydration needs the same tree on both sides.
 */
import { StrictMode } from 'react';
import type { AppInfo } from '../src-main/contract/ipc';
import { App } from './App';

export function Root({ info }: { info: AppInfo | null }) {
  return (
    <StrictMode>
      <App initialInfo={info} />
    </StrictMode>
  );
}
