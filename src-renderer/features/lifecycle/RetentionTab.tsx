/**
 * The department manager's retention list: dossiers at the end of retention and those with no
 * interaction for three years; keep (a new date), archive, or ask for destruction. A legal hold
 * shows as a tag, and main refuses destruction while it holds.
 */
import { Button, DatePicker, Form, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionDueRow } from '../../../src-main/contract/records';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLoaded } from '../loans/useLoaded';

export function RetentionTab() {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().retention.due({})));
  const [keeping, setKeeping] = useState<RetentionDueRow | null>(null);
  const [form] = Form.useForm<{ until: Dayjs }>();
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);

  const decide = async (number: string, decision: 'keep' | 'archive' | 'destroy', extra: { until?: string } = {}) => {
    try {
      await call(api().retention.decide({ number, decision, ...extra }));
      void reload();
    } catch (cause) {
      setError(cause);
    }
  };

  const kept = useSubmit(async ({ until }: { until: Dayjs }) => {
    if (!keeping) return;
    await call(api().retention.decide({ number: keeping.number, decision: 'keep', until: until.toDate().toISOString() }));
    setKeeping(null);
    form.resetFields();
    void reload();
  });

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
      {keeping && (
        <FormModal
          title={t('lifecycle.retention.keepUntil', { number: keeping.number })}
          form={form}
          submitting={kept}
          onClose={() => setKeeping(null)}
          okText={t('lifecycle.retention.keep')}
        >
          <Form.Item name="until" rules={[{ required: true, message: t('lifecycle.required') }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
