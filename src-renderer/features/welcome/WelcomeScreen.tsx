/** First run / no archive open: create a new archive, or open one (recent, typed path, or Browse…). */
import { useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentArchive } from '../../../src-main/contract/ipc';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FolderInput } from '../../components/FolderInput';
import { Button, Card, Field, PlusOutlined } from '../../components/light';
import { RecentArchives } from './RecentArchives';
import { useRecentArchives } from './useRecentArchives';

interface Props {
  /** The list main sent with the app state at start, shown until a fresh one arrives. */
  initialRecent?: RecentArchive[];
  onCreate: () => void;
  onOpen: (folder: string) => void;
  /** The offline reader (issue 15): a package chosen in main's dialog, or the path of one dropped here. */
  onOpenPackage?: (dropped?: string) => void;
  /** Sign in to an archive server instead of opening a folder (issue 14). */
  onConnectServer?: () => void;
}

export function WelcomeScreen({ initialRecent, onCreate, onOpen, onOpenPackage, onConnectServer }: Props) {
  const { t } = useTranslation();
  const { recent, error, setError, forget } = useRecentArchives(initialRecent);
  const [folder, setFolder] = useState('');

  const open = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = folder.trim();
    if (trimmed) onOpen(trimmed);
  };

  // A package file dropped anywhere on the screen opens the reader with it.
  const drop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file || !onOpenPackage) return;
    event.preventDefault();
    const path = window.triplicate.reader.pathOfDropped(file);
    if (path) onOpenPackage(path);
  };

  return (
    <CenteredPage testId="screen-welcome" width={760} onDragOver={(e) => e.preventDefault()} onDrop={drop}>
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
        {onConnectServer && (
          <Card title={t('server.welcomeTitle')}>
            <div className="lt-paragraph lt-secondary">{t('server.welcomeHint')}</div>
            <Button onClick={onConnectServer} data-testid="welcome-connect-server">
              {t('server.connect')}
            </Button>
          </Card>
        )}
        {onOpenPackage && (
          <Card title={t('welcome.offlineTitle')}>
            <div className="lt-paragraph lt-secondary">{t('welcome.offlineHint')}</div>
            <Button onClick={() => onOpenPackage()} data-testid="welcome-open-package">
              {t('welcome.openPackage')}
            </Button>
          </Card>
        )}
      </div>
    </CenteredPage>
  );
}
