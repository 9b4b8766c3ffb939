/**
 * The lists published on the 10th, 20th and 30th (每月10、20、30日公布): reported, not counted,
 * waiting, valid and invalid per person and department. Prints, and exports as CSV for Excel.
 */
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadPublication, LeadTally } from '../../../src-main/contract/leads';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';

type Row = LeadTally & { key: string; who: string; department: string };

function rowsOf(p: LeadPublication, total: string): Row[] {
  return [
    ...p.people.map((x) => ({ ...x, key: `p:${x.login}:${x.department}`, who: `${x.name} (${x.login})` })),
    ...p.departments.map((x) => ({ ...x, key: `d:${x.department}`, who: '' })),
    { ...p.totals, key: 'total', who: total, department: '' },
  ];
}

function downloadCsv(rows: Row[], header: string[], name: string): void {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [header, ...rows.map((r) => [r.who, r.department, r.reported, r.duplicates, r.pending, r.valid, r.invalid])].map((r) => r.map(quote).join(','));
  // Catalogue-level counts only; the BOM lets Excel read the Chinese names.
  const url = URL.createObjectURL(new Blob(['\uFEFF' + lines.join('\r\n')], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function PublicationTab() {
  const { t } = useTranslation();
  const [date, setDate] = useState<dayjs.Dayjs | null>(null);
  const { value, error, setError, loading } = useLoaded(
    () => call(api().leads.publication(date ? { date: date.format('YYYY-MM-DD') } : {})),
    [date?.valueOf()],
  );
  const rows = value ? rowsOf(value, t('leads.publication.total')) : [];
  const columns = (['reported', 'duplicates', 'pending', 'valid', 'invalid'] as const).map((k) => ({ title: t(`leads.publication.${k}`), dataIndex: k }));
  const header = [t('leads.publication.person'), t('leads.publication.department'), ...columns.map((c) => c.title)];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="printable">
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space className="no-print">
        <span>{t('leads.publication.date')}</span>
        <DatePicker value={date} onChange={setDate} />
        <Button onClick={() => window.print()}>{t('leads.publication.print')}</Button>
        <Button disabled={!value} onClick={() => value && downloadCsv(rows, header, `leads-${value.publishedOn}.csv`)}>
          {t('leads.publication.export')}
        </Button>
      </Space>
      {value && (
        <Typography.Title level={5}>{t('leads.publication.heading', { publishedOn: value.publishedOn, from: value.from, to: value.to })}</Typography.Title>
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        data-testid="lead-publication"
        columns={[
          { title: t('leads.publication.person'), dataIndex: 'who' },
          { title: t('leads.publication.department'), dataIndex: 'department' },
          ...columns,
        ]}
      />
    </Space>
  );
}
