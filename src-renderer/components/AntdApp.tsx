/**
 * antd's App: the holders that message, modal and notification render into (App.useApp). Only
 * the screens after the first ones use them, so it is loaded lazily with them
 * (features/router/ScreenRouter.tsx), which keeps those three out of the first screen's script.
 */
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';

export function AntdApp({ children }: { children: ReactNode }) {
  return <AntApp>{children}</AntApp>;
}
