/**
 * The department manager's retention list: dossiers at the end of retention and those with no
 * interaction for three years; keep (a new date), archive, or ask for destruction. A legal hold
 * shows as a tag, and main refuses destruction while it holds.
 */
import { Button, DatePicker, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionDueRow } from '../../../src-main/contract/records';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';

export function RetentionTab() {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().retention.due({})));
  const [keeping, setKeeping] = useState<RetentionDueRow | null>(null);
  const [until, setUntil] = useState<string | null>(null);
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);

  const decide = async (number: string, decision: 'keep' | 'archive' | 'destroy', extra: { until?: string } = {}) => {
    try {
      await call(api().retention.decide({ number, decision, ...extra }));
      void reload();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Table<RetentionDueRow>
        rowKey="number"
        size="small"
        loading={loading}
        dataSource={value ?? []}
        data-testid="retention-table"
        columns={[
          { title: t('lifecycle.destruction.number'), dataIndex: 'number' },
          { title: t('lifecycle.destruction.customer'), dataIndex: 'customerName' },
          { title: t('lifecycle.retention.grade'), dataIndex: 'grade' },
          { title: t('lifecycle.retention.last'), render: (_, r) => day(r.lastInteraction) },
          {
            title: t('lifecycle.retention.reason'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color="gold">{t(`lifecycle.retention.reason_${r.reason === 'three-year' ? 'threeYear' : 'retention'}`)}</Tag>
                {r.held && <Tag color="purple">{t('lifecycle.holds.held')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => setKeeping(r)}>
                  {t('lifecycle.retention.keep')}
                </Button>
                <Button size="small" onClick={() => void decide(r.number, 'archive')}>
                  {t('lifecycle.retention.archive')}
                </Button>
                <Button size="small" danger onClick={() => void decide(r.number, 'destroy')}>
                  {t('lifecycle.retention.destroy')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={keeping !== null}
        title={t('lifecycle.retention.keepUntil', { number: keeping?.number ?? '' })}
        onCancel={() => setKeeping(null)}
        okButtonProps={{ disabled: until === null }}
        onOk={() => {
          if (keeping && until) void decide(keeping.number, 'keep', { until });
          setKeeping(null);
          setUntil(null);
        }}
      >
        <DatePicker onChange={(d) => setUntil(d ? d.toDate().toISOString() : null)} />
      </Modal>
    </Space>
  );
}
