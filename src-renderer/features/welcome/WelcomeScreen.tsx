/** First run / no archive open: create a new archive, or open one (recent, typed path, or Browse…). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentArchive } from '../../../src-main/contract/ipc';
import { CenteredPage } from '../../components/CenteredPage';
import { Button, Card, ErrorBanner, Field, FolderInput, PlusOutlined } from '../../components/light';
import { RecentArchives } from './RecentArchives';
import { useRecentArchives } from './useRecentArchives';

interface Props {
  /** The list main sent with the app state at start, shown until a fresh one arrives. */
  initialRecent?: RecentArchive[];
  onCreate: () => void;
  onOpen: (folder: string) => void;
}

export function WelcomeScreen({ initialRecent, onCreate, onOpen }: Props) {
  const { t } = useTranslation();
  const { recent, error, setError, forget } = useRecentArchives(initialRecent);
  const [folder, setFolder] = useState('');

  const open = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = folder.trim();
    if (trimmed) onOpen(trimmed);
  };

  return (
    <CenteredPage testId="screen-welcome" width={760}>
      <h2 className="lt-title">{t('welcome.title')}</h2>
      <div className="lt-paragraph lt-secondary">{t('welcome.intro')}</div>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <div className="welcome-cards">
        <Card title={t('welcome.openTitle')}>
          <form onSubmit={open}>
            <Field label={t('welcome.folderLabel')} htmlFor="welcome-folder" style={{ marginBottom: 12 }}>
              <div className="folder-row">
                <FolderInput
                  id="welcome-folder"
                  value={folder}
                  onChange={setFolder}
                  purpose="open"
                  placeholder={t('welcome.folderPlaceholder')}
                  testId="welcome-open-folder"
                  onError={setError}
                  onPicked={onOpen}
                />
                <Button variant="primary" htmlType="submit" disabled={!folder.trim()} data-testid="welcome-open-submit">
                  {t('welcome.open')}
                </Button>
              </div>
            </Field>
          </form>
          <h5 className="lt-title">{t('welcome.recentTitle')}</h5>
          <RecentArchives recent={recent} onOpen={onOpen} onForget={forget} />
        </Card>
        <Card title={t('welcome.createTitle')}>
          <div className="lt-paragraph lt-secondary">{t('welcome.createHint')}</div>
          <Button icon={<PlusOutlined />} onClick={onCreate} data-testid="welcome-create">
            {t('welcome.create')}
          </Button>
        </Card>
      </div>
    </CenteredPage>
  );
}
