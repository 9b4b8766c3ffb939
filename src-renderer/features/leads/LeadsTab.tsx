/** Leads as a table: one's own reports, or every lead for the key-account department with its actions. */
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadView } from '../../../src-main/contract/leads';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';
import { LeadActions } from './LeadActions';
import { ReportLeadModal } from './ReportLeadModal';

const STATE_COLOURS: Record<string, string> = {
  pending: 'gold',
  valid: 'green',
  invalid: 'red',
  duplicate: 'default',
  project: 'blue',
  dossier: 'purple',
  expired: 'default',
};

export function LeadsTab({ mine }: { mine: boolean }) {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(async () => {
    const [leads, settings] = await Promise.all([call(api().leads.list(mine ? { mine: true } : {})), call(api().settings.get())]);
    return { leads, validDays: settings.leadValidDays };
  }, [mine]);
  const [reporting, setReporting] = useState(false);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Button type="primary" onClick={() => setReporting(true)} data-testid="lead-report">
        {t('leads.report')}
      </Button>
      <ReportLeadModal
        open={reporting}
        onClose={() => setReporting(false)}
        onReported={() => {
          setReporting(false);
          void reload();
        }}
      />
      <Table<LeadView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={value?.leads ?? []}
        data-testid={mine ? 'leads-mine' : 'leads-table'}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('leads.col.id'), dataIndex: 'id', width: 64 },
          { title: t('leads.col.reported'), render: (_, l) => when(l.reportedAt) },
          ...(mine ? [] : [{ title: t('leads.col.reporter'), render: (_: unknown, l: LeadView) => `${l.reporter.name} (${l.reporter.login})` }]),
          { title: t('leads.col.customer'), dataIndex: 'customerName' },
          { title: t('leads.col.quantity'), dataIndex: 'quantity' },
          {
            title: t('leads.col.state'),
            render: (_, l) => (
              <Tooltip title={l.invalidReason ?? (l.duplicateOf ? `#${l.duplicateOf}` : l.dossierNumber)}>
                <Tag color={STATE_COLOURS[l.state]} data-testid="lead-state">
                  {t(`leads.state.${l.state}`)}
                </Tag>
              </Tooltip>
            ),
          },
          { title: t('leads.col.checkDue'), render: (_, l) => (l.state === 'pending' ? when(l.checkDueAt) : '') },
          { title: t('leads.col.expires'), render: (_, l) => l.expiresOn ?? '' },
          { title: t('leads.col.delivered'), render: (_, l) => (l.state === 'project' || l.state === 'dossier' ? `${l.delivered} / ${l.quantity}` : '') },
          { title: t('leads.col.contact'), render: (_, l) => `${l.contactPerson} · ${l.contactDetails}` },
          {
            title: '',
            render: (_, l) => (l.mayAct ? <LeadActions lead={l} validDays={value?.validDays ?? 90} onDone={() => void reload()} onError={setError} /> : null),
          },
        ]}
      />
    </Space>
  );
}
