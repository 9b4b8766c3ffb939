/** First run / no archive open: create a new archive, or open one (recent, typed path, or Browse…). */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FolderInput } from '../../components/FolderInput';
import { RecentArchives } from './RecentArchives';
import { useRecentArchives } from './useRecentArchives';

interface Props {
  onCreate: () => void;
  onOpen: (folder: string) => void;
}

export function WelcomeScreen({ onCreate, onOpen }: Props) {
  const { t } = useTranslation();
  const { recent, error, setError, forget } = useRecentArchives();
  const [folder, setFolder] = useState('');

  const open = () => {
    const trimmed = folder.trim();
    if (trimmed) onOpen(trimmed);
  };

  return (
    <CenteredPage testId="screen-welcome" width={760}>
      <Typography.Title level={2}>{t('welcome.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('welcome.intro')}</Typography.Paragraph>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('welcome.openTitle')}>
          <Form layout="vertical" onFinish={open}>
            <Form.Item label={t('welcome.folderLabel')} style={{ marginBottom: 12 }}>
              <div className="folder-row">
                <FolderInput
                  value={folder}
                  onChange={setFolder}
                  purpose="open"
                  placeholder={t('welcome.folderPlaceholder')}
                  testId="welcome-open-folder"
                  onError={setError}
                  onPicked={onOpen}
                />
                <Button type="primary" htmlType="submit" disabled={!folder.trim()} data-testid="welcome-open-submit">
                  {t('welcome.open')}
                </Button>
              </div>
            </Form.Item>
          </Form>
          <Typography.Title level={5}>{t('welcome.recentTitle')}</Typography.Title>
          <RecentArchives recent={recent} onOpen={onOpen} onForget={forget} />
        </Card>
        <Card title={t('welcome.createTitle')}>
          <Typography.Paragraph type="secondary">{t('welcome.createHint')}</Typography.Paragraph>
          <Button icon={<PlusOutlined />} onClick={onCreate} data-testid="welcome-create">
            {t('welcome.create')}
          </Button>
        </Card>
      </Space>
    </CenteredPage>
  );
}
