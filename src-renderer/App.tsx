/**
 * Top of the renderer: Ant Design theme and locale (following i18next), and the screen router.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../src-main/contract/ipc';
import { ScreenRouter } from './features/router/ScreenRouter';

export function App({ initialInfo }: { initialInfo: AppInfo | null }) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1f4e79', borderRadius: 4 } }}
    >
      <AntApp>
        <ScreenRouter initialInfo={initialInfo} />
      </AntApp>
    </ConfigProvider>
  );
}
