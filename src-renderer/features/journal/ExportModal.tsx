/**
 * Exporting what the viewer shows: a format, the current filters, a save location chosen in main's
 * own dialog, a progress bar fed by `event:exportProgress`, and Cancel (which aborts in main and
 * leaves no file). When done it shows the file, the count and the key fingerprint to compare.
 */
import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Progress, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  type ExportProgressEvent,
  type ExportResultView,
  type JournalExportFormat,
  type JournalFilters,
} from '../../../src-main/contract/ipc-journal';
import { api, ApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FiltersSummary } from './FiltersSummary';
import { groupedFingerprint } from './format';

type Phase = { kind: 'idle' } | { kind: 'running'; progress: ExportProgressEvent | null } | { kind: 'done'; result: ExportResultView } | { kind: 'cancelled' };

interface Props {
  filters: JournalFilters;
  onClose(): void;
}

export function ExportModal({ filters, onClose }: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<JournalExportFormat>('csv');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);

  useEffect(() => api().journal.onExportProgress((progress) => setPhase((p) => (p.kind === 'running' ? { kind: 'running', progress } : p))), []);

  const start = async () => {
    setError(null);
    setPhase({ kind: 'running', progress: null });
    try {
      const outcome = await call(api().journal.export({ format, filters }));
      setPhase(outcome.cancelled ? { kind: 'idle' } : { kind: 'done', result: outcome });
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'export.cancelled') setPhase({ kind: 'cancelled' });
      else {
        setError(cause);
        setPhase({ kind: 'idle' });
      }
    }
  };

  const cancel = () => void call(api().journal.cancelExport({})).catch(setError);
  const running = phase.kind === 'running';
  const progress = running ? phase.progress : null;
  const percent = progress ? (progress.total === 0 ? 100 : Math.floor((progress.written / progress.total) * 100)) : 0;

  const footer = running
    ? [
        <Button key="cancel" danger onClick={cancel} data-testid="export-cancel">
          {t('common.cancel')}
        </Button>,
      ]
    : phase.kind === 'done'
      ? [
          <Button key="close" type="primary" onClick={onClose} data-testid="export-close">
            {t('common.close')}
          </Button>,
        ]
      : [
          <Button key="close" onClick={onClose}>
            {t('common.close')}
          </Button>,
          <Button key="start" type="primary" icon={<ExportOutlined />} onClick={start} data-testid="export-start">
            {t('journal.export.start')}
          </Button>,
        ];

  return (
    <Modal
      open
      title={t('journal.export.title')}
      onCancel={running ? undefined : onClose}
      closable={!running}
      mask={{ closable: false }}
      footer={footer}
      width={640}
    >
      <div data-testid="export-dialog">
        <ErrorBanner error={error} onClose={() => setError(null)} />
        {phase.kind === 'done' ? (
          <div data-testid="export-done">
            <Alert type="success" showIcon title={t('journal.export.done', { count: phase.result.count })} style={{ marginBottom: 12 }} />
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'file',
                  label: t('journal.export.file'),
                  children: (
                    <Typography.Text code data-testid="export-file">
                      {phase.result.file}
                    </Typography.Text>
                  ),
                },
                { key: 'manifest', label: t('journal.export.manifest'), children: <Typography.Text code>{phase.result.manifestFile}</Typography.Text> },
                { key: 'count', label: t('journal.export.count'), children: <span data-testid="export-count">{phase.result.count}</span> },
                {
                  key: 'range',
                  label: t('journal.export.range'),
                  children: phase.result.firstSeq === null ? '—' : `${phase.result.firstSeq} – ${phase.result.lastSeq}`,
                },
                { key: 'head', label: t('journal.export.head'), children: phase.result.chainHead.seq },
                {
                  key: 'fp',
                  label: t('journal.export.fingerprint'),
                  children: (
                    <Typography.Text code copyable={{ text: phase.result.fingerprint }} className="journal-hash" data-testid="export-fingerprint">
                      {groupedFingerprint(phase.result.fingerprint)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('journal.export.compareHint')}
            </Typography.Paragraph>
          </div>
        ) : (
          <>
            <Typography.Paragraph strong>{t('journal.export.format')}</Typography.Paragraph>
            <Radio.Group
              value={format}
              disabled={running}
              onChange={(e) => setFormat(e.target.value as JournalExportFormat)}
              optionType="button"
              options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`journal.export.formats.${f}`) }))}
              data-testid="export-format"
            />
            <Typography.Paragraph strong style={{ marginTop: 16 }}>
              {t('journal.export.filters')}
            </Typography.Paragraph>
            <FiltersSummary filters={filters} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {t('journal.export.locationHint')}
            </Typography.Paragraph>
            {phase.kind === 'cancelled' && <Alert type="info" showIcon title={t('journal.export.cancelled')} data-testid="export-cancelled" />}
            {running && (
              <div data-testid="export-progress">
                <Progress percent={percent} status="active" />
                <Typography.Text type="secondary">
                  {progress ? t('journal.export.progress', { written: progress.written, total: progress.total }) : t('journal.export.choosing')}
                </Typography.Text>
                {progress && (
                  <div>
                    <Typography.Text code>{progress.file}</Typography.Text>
                  </div>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
