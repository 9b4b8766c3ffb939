/** Recent archives: click one to unlock it; the cross removes it from the list (the folder is untouched). */
import { useTranslation } from 'react-i18next';
import { appLocale, formatDateTime } from '../../i18n/format';
import type { RecentArchive } from '../../../src-main/contract/ipc';
import { Button, CloseOutlined, Empty, FolderOpenOutlined, Tooltip } from '../../components/light';

interface Props {
  recent: RecentArchive[];
  onOpen: (folder: string) => void;
  onForget: (folder: string) => void;
}

export function RecentArchives({ recent, onOpen, onForget }: Props) {
  const { t, i18n } = useTranslation();
  if (recent.length === 0) return <Empty description={t('welcome.recentEmpty')} />;
  const when = (iso: string) => formatDateTime(iso, appLocale(i18n.language));
  return (
    <ul className="recent-list">
      {recent.map((item) => (
        <li key={item.folder} className="recent-list__item">
          <button type="button" className="recent-list__open" data-testid="recent-archive" onClick={() => onOpen(item.folder)}>
            <FolderOpenOutlined className="recent-list__icon" />
            <span className="recent-list__text">
              <span className="recent-list__folder">{item.folder}</span>
              <span className="lt-secondary recent-list__when">{t('welcome.lastOpened', { when: when(item.lastOpenedAt) })}</span>
            </span>
          </button>
          <Tooltip title={t('welcome.forget')}>
            <Button
              variant="text"
              icon={<CloseOutlined />}
              aria-label={t('welcome.forget')}
              data-testid="recent-archive-forget"
              onClick={() => onForget(item.folder)}
            />
          </Tooltip>
        </li>
      ))}
    </ul>
  );
}
