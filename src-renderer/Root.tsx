/**
 * The element the renderer mounts, and the one the build renders to HTML for the first screen
 * (first-screen/prerender.tsx): hydration needs the same tree on both sides. Ant Design wraps every
 * screen, the first ones included; at build time `styleCache` collects the styles antd generates so
 * they can go into the page (the client passes none and reuses those styles, see prerender.tsx).
 */
import { StyleProvider, type createCache } from '@ant-design/cssinjs';
import { StrictMode } from 'react';
import type { AppInfo } from '../src-main/contract/ipc';
import { App } from './App';
import { AntdScope } from './components/AntdScope';

export function Root({ info, styleCache }: { info: AppInfo | null; styleCache?: ReturnType<typeof createCache> }) {
  return (
    <StrictMode>
      <StyleProvider cache={styleCache}>
        <AntdScope>
          <App initialInfo={info} />
        </AntdScope>
      </StyleProvider>
    </StrictMode>
  );
}
