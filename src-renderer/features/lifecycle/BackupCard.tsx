/**
 * The administrator's backup card on the dashboard: the last backup's age, a warning once it is
 * older than the archive's backup interval, and "Back up now" with a progress bar fed by main's
 * `event:backupProgress`. Main chooses the file with its own save dialog.
 */
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgressEvent, BackupStatusView } from '../../../src-main/contract/ipc-lifecycle';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';

function percent(p: BackupProgressEvent): number {
  if (p.phase === 'done') return 100;
  if (p.phase === 'snapshot' || p.total === 0) return 10;
  return 10 + Math.round((p.written / p.total) * 85);
}

export function BackupCard() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<BackupStatusView | null>(null);
  const [progress, setProgress] = useState<BackupProgressEvent | null>(null);
  const [running, setRunning] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    call(api().backup.status({}))
      .then(setStatus)
      .catch((cause: unknown) => setError(cause));
  }, []);
  useEffect(load, [load]);
  useEffect(() => api().backup.onProgress(setProgress), []);

  const run = async () => {
    setRunning(true);
    setError(null);
    setSaved(null);
    setProgress(null);
    try {
      const result = await call(api().backup.run({}));
      if (!result.cancelled) setSaved(result.file);
      else setProgress(null);
      load();
    } catch (cause) {
      setError(cause);
      setProgress(null);
    } finally {
      setRunning(false);
    }
  };

  const age = (days: number) =>
    days >= 1 ? t('lifecycle.backup.days', { count: Math.floor(days) }) : t('lifecycle.backup.hours', { count: Math.max(0, Math.floor(days * 24)) });
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Card size="small" data-testid="dashboard-backup" title={t('lifecycle.backup.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {status && status.last && (
          <Typography.Text data-testid="backup-last">
            {t('lifecycle.backup.last', { age: age(status.ageDays ?? 0), time: time(status.last.at), by: status.last.by, seq: status.last.journalSeq })}
          </Typography.Text>
        )}
        {status && !status.last && <Typography.Text>{t('lifecycle.backup.never')}</Typography.Text>}
        {status?.overdue && (
          <Alert
            type="warning"
            showIcon
            data-testid="backup-overdue"
            title={status.last ? t('lifecycle.backup.overdue', { days: status.intervalDays }) : t('lifecycle.backup.neverWarn')}
          />
        )}
        <Button type="primary" icon={<CloudDownloadOutlined />} onClick={() => void run()} loading={running} data-testid="backup-run">
          {t('lifecycle.backup.run')}
        </Button>
        {progress && (
          <div data-testid="backup-progress">
            <Progress percent={percent(progress)} status={running ? 'active' : 'success'} />
            <Typography.Text type="secondary">{t(`lifecycle.backup.phase_${progress.phase}`)}</Typography.Text>
          </div>
        )}
        {saved && <Alert type="success" showIcon title={t('lifecycle.backup.done', { file: saved })} data-testid="backup-done" />}
        <Typography.Text type="secondary">{t('lifecycle.backup.restoreHint')}</Typography.Text>
        <ErrorBanner error={error} onClose={() => setError(null)} />
      </Space>
    </Card>
  );
}
