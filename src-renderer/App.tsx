/**
 * Top of the renderer: the screen router. Ant Design (theme, locale following i18next) wraps only the
 * screens after the first ones (components/AntdScope.tsx, loaded lazily by the router).
 */
import type { AppInfo } from '../src-main/contract/ipc';
import { ScreenRouter } from './features/router/ScreenRouter';

export function App({ initialInfo }: { initialInfo: AppInfo | null }) {
  return <ScreenRouter initialInfo={initialInfo} />;
}
