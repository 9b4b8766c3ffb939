/**
 * The chain's integrity as last checked in this session: entries walked, the last signed checkpoint,
 * and any break with its sequence number. "Verify now" walks the whole chain in main again.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { ChainStatusView } from '../../../src-main/contract/ipc-journal';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

export function ChainStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<ChainStatusView | null>(null);

  const {
    submit: verify,
    busy,
    error,
    setError,
  } = useSubmit(async () => {
    await call(api().journal.verify({}));
    setStatus(await call(api().journal.status({})));
  });

  useEffect(() => {
    let live = true;
    call(api().journal.status({}))
      .then((s) => live && setStatus(s))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [setError]);

  const run = status?.lastRun;
  const report = run?.report;
  return (
    <div className="chain-status" data-testid="chain-status">
      <Space align="start" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('journal.chain.title')}
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify} data-testid="chain-verify">
          {t('journal.chain.verify')}
        </Button>
      </Space>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {!run && <Typography.Paragraph type="secondary">{t('journal.chain.notRun')}</Typography.Paragraph>}
      {report && (
        <>
          {report.ok ? (
            <Alert type="success" showIcon title={t('journal.chain.intact', { count: report.count })} data-testid="chain-ok" style={{ margin: '8px 0' }} />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="chain-broken"
              style={{ margin: '8px 0' }}
              title={t('journal.chain.broken', { seq: report.problem?.seq ?? '?' })}
              description={report.problem ? t(`journal.chain.problem.${report.problem.kind}`) : undefined}
            />
          )}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'at', label: t('journal.chain.ranAt'), children: format.dateTime(run.at) },
              { key: 'head', label: t('journal.chain.head'), children: report.headSeq },
              { key: 'cps', label: t('journal.chain.checkpoints'), children: report.checkpointsVerified },
              {
                key: 'last',
                label: t('journal.chain.lastCheckpoint'),
                children: report.lastCheckpoint
                  ? t('journal.chain.checkpointAt', { seq: report.lastCheckpoint.seq, at: format.dateTime(report.lastCheckpoint.at) })
                  : '—',
              },
              // Issue 12: who signed what, when the report says so.
              ...(report.signatures
                ? [
                    { key: 'unsigned', label: t('journal.chain.unsigned'), children: report.signatures.unsigned },
                    { key: 'after', label: t('journal.chain.afterCheckpoint'), children: report.signatures.afterLastCheckpoint },
                    { key: 'cosigned', label: t('journal.chain.coSigned'), children: report.coSigned ? report.coSigned.seq : '—' },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </div>
  );
}
