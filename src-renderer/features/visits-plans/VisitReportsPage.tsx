/**
 * Daily visit reports (每日客户拜访表): the salesperson files the day's visits; the supervisor comments
 * by 09:15 of the next working day; the sales department manager spot-checks. Late reports and late
 * or overdue comments are flagged. What each tab shows is decided by main; tabs follow `may`.
 */
import { Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitReportSummary } from '../../../src-main/contract/visits-plans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { VisitReportForm } from './VisitReportForm';
import { VisitReportModal, type ReportAction } from './VisitReportModal';

type Scope = 'mine' | 'toComment' | 'all';

function ReportTable({ scope, action, reload }: { scope: Scope; action: ReportAction; reload: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [rows, setRows] = useState<VisitReportSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<{ id: number; action: ReportAction } | null>(null);
  const [bump, setBump] = useState(0);
  useEffect(() => {
    let live = true;
    call(api().visits.list({ scope }))
      .then((list) => live && setRows(list))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [scope, reload, bump]);
  return (
    <>
      <ErrorBanner error={error} />
      <Table<VisitReportSummary>
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('visitsPlans.visits.none') }}
        data-testid={`visit-table-${scope}`}
        columns={[
          { title: t('visitsPlans.visits.date'), dataIndex: 'date' },
          { title: t('visitsPlans.visits.author'), render: (_v, r) => r.author.name },
          { title: t('visitsPlans.visits.visits'), dataIndex: 'visitCount' },
          {
            title: t('visitsPlans.visits.filedAt'),
            render: (_v, r) => (
              <>
                {f.dateTime(r.filedAt)}{' '}
                {r.late ? <Tag color="red">{t('visitsPlans.visits.late')}</Tag> : <Tag color="green">{t('visitsPlans.visits.onTime')}</Tag>}
              </>
            ),
          },
          {
            title: t('visitsPlans.visits.comment'),
            render: (_v, r) =>
              r.commentedAt ? (
                <Tag color={r.commentLate ? 'red' : 'green'} data-testid={`visit-status-${r.id}`}>
                  {t('visitsPlans.visits.commented')}
                  {r.commentLate ? ` · ${t('visitsPlans.visits.late')}` : ''}
                </Tag>
              ) : (
                <Tag color={r.commentOverdue ? 'red' : 'gold'} data-testid={`visit-status-${r.id}`}>
                  {r.commentOverdue ? t('visitsPlans.visits.commentOverdue') : t('visitsPlans.visits.awaiting')} · {f.dateTime(r.commentDueAt)}
                </Tag>
              ),
          },
          {
            title: '',
            render: (_v, r) => (
              <Button
                size="small"
                onClick={() => setOpened({ id: r.id, action: action === 'comment' && r.commentedAt ? 'read' : action })}
                data-testid={`visit-open-${r.id}`}
              >
                {action === 'comment' && !r.commentedAt
                  ? t('visitsPlans.visits.commentAction')
                  : action === 'spotCheck'
                    ? t('visitsPlans.visits.recordCheck')
                    : t('visitsPlans.visits.open')}
              </Button>
            ),
          },
        ]}
      />
      {opened && (
        <VisitReportModal
          id={opened.id}
          action={opened.action}
          onClose={(changed) => {
            setOpened(null);
            if (changed) setBump((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

export function VisitReportsPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const [filed, setFiled] = useState(0);
  const onFiled = useCallback(() => setFiled((n) => n + 1), []);
  const items = [
    ...(actor.may.fileVisitReports
      ? [
          {
            key: 'mine',
            label: t('visitsPlans.visits.mine'),
            children: (
              <>
                <VisitReportForm onFiled={onFiled} />
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  {t('visitsPlans.visits.mine')}
                </Typography.Title>
                <ReportTable scope="mine" action="read" reload={filed} />
              </>
            ),
          },
        ]
      : []),
    { key: 'toComment', label: t('visitsPlans.visits.toComment'), children: <ReportTable scope="toComment" action="comment" reload={0} /> },
    ...(actor.may.spotCheckVisitReports
      ? [{ key: 'all', label: t('visitsPlans.visits.spotChecks'), children: <ReportTable scope="all" action="spotCheck" reload={0} /> }]
      : []),
  ];
  return (
    <Card data-testid="screen-visits" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('visitsPlans.visits.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('visitsPlans.visits.intro')}</Typography.Paragraph>
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
