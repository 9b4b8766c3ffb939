/** Top of the renderer: the screen router (Ant Design's theme and locale wrap it, see Root.tsx). */
import type { AppInfo } from '../src-main/contract/ipc';
import { ScreenRouter } from './features/router/ScreenRouter';

export function App({ initialInfo }: { initialInfo: AppInfo | null }) {
  return <ScreenRouter initialInfo={initialInfo} />;
}
