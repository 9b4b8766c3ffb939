/**
 * The unlocked app: side menu, header (current person, language, lock) and the page. Mounted under a
 * per-session key by the router, so everything below is thrown away when the archive locks.
 */
import {
  AuditOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  BarChartOutlined,
  BulbOutlined,
  DeleteOutlined,
  FolderOutlined,
  HomeOutlined,
  LockOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Tooltip, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES, type Page } from '../../../src-main/contract/pages';
import type { ActorView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import '../../i18n/featureTexts'; // the features' texts join i18next with this code
import { NotificationBell } from '../loans/NotificationBell';
import { SessionProvider, useSession } from '../session/SessionContext';
import { CurrentUser } from './CurrentUser';
import { mayLeave } from './leaveGuard';
import { PageView } from './PageView';
import { useLockShortcut } from './useLockShortcut';
import { NavigationContext } from './navigation';

const ICONS: Record<Page, ReactNode> = {
  dashboard: <HomeOutlined />,
  dossiers: <FolderOutlined />,
  loans: <ReadOutlined />,
  journal: <AuditOutlined />,
  people: <TeamOutlined />,
  settings: <SettingOutlined />,
  records: <DeleteOutlined />,
  visits: <CarOutlined />,
  plans: <ScheduleOutlined />,
  relations: <CustomerServiceOutlined />,
  analytics: <BarChartOutlined />,
  leads: <BulbOutlined />,
};

interface Props {
  folder: string;
  actor: ActorView;
  onLocked: () => void;
}

export function MainLayout({ folder, actor, onLocked }: Props) {
  const lock = useCallback(() => {
    // Whatever main answers, the screen forgets the session: showing less is always the safe side.
    void call(api().session.lock())
      .catch(() => undefined)
      .finally(onLocked);
  }, [onLocked]);
  useLockShortcut(lock);
  return (
    <SessionProvider folder={folder} actor={actor} lock={lock}>
      {/* Its own message/modal holders: toasts and dialogs naming people vanish with the session on lock. */}
      <AntApp component={false}>
        <Shell />
      </AntApp>
    </SessionProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const { actor, lock } = useSession();
  const [page, setPage] = useState<Page>('dashboard');
  const go = useCallback((next: Page) => void mayLeave().then((ok) => ok && setPage(next)), []);

  // Which pages show is the core's decision (ActorView.pages); the menu keeps PAGES' order.
  const items = PAGES.filter((key) => actor.pages.includes(key)).map((key) => ({
    key,
    icon: ICONS[key],
    label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>,
  }));

  return (
    <Layout className="main-layout" data-testid="screen-main">
      <Layout.Sider width={200} theme="dark" className="main-layout__sider">
        <div className="main-layout__brand">
          <Typography.Text strong>{t('app.name')}</Typography.Text>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[page]} items={items} onClick={({ key }) => void mayLeave().then((ok) => ok && setPage(key as Page))} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="main-layout__header">
          <CurrentUser />
          <div className="main-layout__actions">
            <NotificationBell />
            <LanguageSwitch />
            <Tooltip title={t('header.lockHint')}>
              <Button icon={<LockOutlined />} onClick={lock} data-testid="lock-button">
                {t('header.lock')}
              </Button>
            </Tooltip>
          </div>
        </Layout.Header>
        <Layout.Content className="main-layout__content">
          <NavigationContext.Provider value={go}>
            <PageView page={page} />
          </NavigationContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
