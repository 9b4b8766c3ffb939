/**
 * The destruction record (销毁清册): every destruction with the SHA-256 of what was destroyed,
 * exportable as CSV for auditors (main's save dialog) and printable on A4 with a watermark.
 */
import { Alert, Button, Space, Table } from 'antd';
import { printPage } from '../../print/printPage';
import { SavePdfButton } from '../../print/SavePdfButton';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionRecordLine } from '../../../src-main/contract/records';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSession } from '../session/SessionContext';
import { useLoaded } from '../loans/useLoaded';
import './records.css';

export function RecordTab() {
  const { t, i18n } = useTranslation();
  const { actor } = useSession();
  const { value, error, setError, loading } = useLoaded(() => call(api().destruction.record({})));
  const [saved, setSaved] = useState<string | null>(null);

  const exportCsv = async () => {
    try {
      const result = await call(api().destruction.exportRecord({}));
      if (!result.cancelled) setSaved(result.file);
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="destruction-record">
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space className="destruction-record__actions">
        <Button onClick={() => void exportCsv()} data-testid="record-export">
          {t('lifecycle.record.export')}
        </Button>
        <Button onClick={() => void printPage()} data-testid="record-print">
          {t('lifecycle.record.print')}
        </Button>
        <SavePdfButton request={{ document: 'destructionRecord' }} testId="record-pdf" />
      </Space>
      {saved && <Alert type="success" showIcon title={t('lifecycle.record.saved', { file: saved })} />}
      <div
        className="destruction-record__sheet"
        data-watermark={t('lifecycle.record.watermark', { name: actor.name, time: new Date().toLocaleString(i18n.language) })}
      >
        <h2 className="destruction-record__title">{t('lifecycle.record.title')}</h2>
        <Table<DestructionRecordLine>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={value ?? []}
          pagination={false}
          data-testid="record-table"
          columns={[
            { title: '#', dataIndex: 'id', width: 48 },
            { title: t('lifecycle.destruction.number'), dataIndex: 'number' },
            { title: t('lifecycle.destruction.customer'), dataIndex: 'customerName' },
            { title: t('lifecycle.record.copies'), render: (_, l) => l.copies.join(' ') },
            { title: 'SHA-256', render: (_, l) => <code className="destruction-record__hash">{l.contentSha256}</code> },
            { title: t('lifecycle.destruction.requestedBy'), dataIndex: 'requestedBy' },
            { title: t('lifecycle.record.approvers'), render: (_, l) => l.approvers.join(t('lifecycle.listSeparator')) },
            { title: t('lifecycle.record.destroyedAt'), render: (_, l) => `${l.destroyedBy} · ${new Date(l.destroyedAt).toLocaleString(i18n.language)}` },
          ]}
        />
      </div>
    </Space>
  );
}
