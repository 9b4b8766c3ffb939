/** The quarterly conversion rate per reporter (季度项目转化率 = 实际提车量 / 标的总量). */
import { DatePicker, Space, Table, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadConversionRow } from '../../../src-main/contract/leads';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';

export function ConversionTab() {
  const { t } = useTranslation();
  const [quarter, setQuarter] = useState<dayjs.Dayjs | null>(null);
  const asked = quarter ? `${quarter.year()}-Q${Math.floor(quarter.month() / 3) + 1}` : undefined;
  const { value, error, setError, loading } = useLoaded(() => call(api().leads.conversion(asked ? { quarter: asked } : {})), [asked]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space>
        <span>{t('leads.conversion.quarter')}</span>
        <DatePicker picker="quarter" value={quarter} onChange={setQuarter} />
      </Space>
      {value && <Typography.Title level={5}>{t('leads.conversion.heading', { quarter: value.quarter })}</Typography.Title>}
      <Table<LeadConversionRow>
        rowKey="login"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={value?.rows ?? []}
        data-testid="lead-conversion"
        columns={[
          { title: t('leads.col.reporter'), render: (_, r) => `${r.name} (${r.login})` },
          { title: t('leads.publication.department'), dataIndex: 'department' },
          { title: t('leads.conversion.projects'), dataIndex: 'projects' },
          { title: t('leads.conversion.target'), dataIndex: 'target' },
          { title: t('leads.conversion.delivered'), dataIndex: 'delivered' },
          { title: t('leads.conversion.rate'), render: (_, r) => (r.rate === null ? '-' : `${(r.rate * 100).toFixed(1)}%`) },
        ]}
      />
    </Space>
  );
}
