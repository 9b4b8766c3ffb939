/**
 * Contact cadence per account manager (issue 17 point 1) for a department manager: for each class
 * of key person, how many are on schedule, due this period, or overdue (due:compliance).
 */
import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CadenceComplianceRow } from '../../../src-main/contract/ipc-due';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';

export function ComplianceCard() {
  const { t } = useTranslation();
  const { value, error, loading } = useLoaded(() => call(api().due.compliance({})));
  return (
    <Card size="small" data-testid="dashboard-compliance" title={t('due.compliance.title')} loading={loading && !value}>
      <ErrorBanner error={error} />
      {!error && (
        <Table<CadenceComplianceRow>
          size="small"
          pagination={false}
          rowKey={(r) => `${r.manager.login}:${r.contactClass}`}
          dataSource={value?.rows ?? []}
          locale={{ emptyText: t('due.compliance.none') }}
          columns={[
            { key: 'manager', title: t('due.compliance.manager'), render: (_, r) => `${r.manager.name} (${r.manager.login})` },
            { key: 'class', title: t('due.compliance.contactClass'), render: (_, r) => t(`due.contactClass.${r.contactClass}`) },
            { key: 'persons', title: t('due.compliance.keyPersons'), dataIndex: 'keyPersons', align: 'right' },
            { key: 'met', title: t('due.compliance.met'), dataIndex: 'met', align: 'right' },
            { key: 'due', title: t('due.compliance.due'), dataIndex: 'due', align: 'right' },
            { key: 'overdue', title: t('due.compliance.overdue'), dataIndex: 'overdue', align: 'right' },
            {
              key: 'rate',
              title: t('due.compliance.rate'),
              render: (_, r) => <Progress percent={Math.round(r.rate * 100)} size="small" status={r.overdue ? 'exception' : 'success'} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
