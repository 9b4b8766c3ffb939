/**
 * Reviews due and overdue for a department (三个月增补或调整一次), the actor's own by default, with
 * "reviewed, no change" for those the core lets record it.
 */
import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appLocale, formatDate } from '../../i18n/format';
import type { ReviewDueRow } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

export function ReviewsView({ onOpen }: { onOpen: (number: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { actor, departments } = useSession();
  const { department: departmentName } = useLabels();
  const [department, setDepartment] = useState(actor.department);
  const [data, setData] = useState<{ overdue: number; rows: ReviewDueRow[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await call(api().reviews.list({ department, withinDays: 30 })));
      setError(null);
    } catch (cause) {
      setError(cause);
    }
  }, [department]);
  useEffect(() => {
    void load();
  }, [load]);

  const noChange = async (number: string) => {
    setBusy(number);
    try {
      await call(api().reviews.noChange({ number }));
      void message.success(t('dossiers.reviews.noChangeDone', { number }));
      await load();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };
  const day = (iso: string) => formatDate(iso, appLocale(i18n.language));

  return (
    <div data-testid="screen-reviews">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('dossiers.reviews.department')}</Typography.Text>
        <Select
          style={{ minWidth: 180 }}
          value={department}
          onChange={setDepartment}
          options={departments.map((d) => ({ value: d.code, label: departmentName(d.code, departments) }))}
          data-testid="reviews-department"
        />
        {data && (
          <Typography.Text type="secondary" data-testid="reviews-summary">
            {t('dossiers.reviews.summary', { due: data.rows.length - data.overdue, overdue: data.overdue })}
          </Typography.Text>
        )}
      </Space>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Table
        size="small"
        rowKey="number"
        loading={!data && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('dossiers.reviews.none') }}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        columns={[
          {
            key: 'n',
            title: t('dossiers.col.number'),
            render: (_, r: ReviewDueRow) => (
              <Typography.Link onClick={() => onOpen(r.number)} className="catalogue__number">
                {r.number}
              </Typography.Link>
            ),
          },
          { key: 'c', title: t('dossiers.col.customer'), dataIndex: 'customerName', ellipsis: true },
          { key: 'm', title: t('dossiers.col.manager'), render: (_, r: ReviewDueRow) => r.responsibleManager?.name ?? '—' },
          { key: 'l', title: t('dossiers.reviews.lastReviewed'), render: (_, r: ReviewDueRow) => day(r.lastReviewedAt) },
          {
            key: 'x',
            title: t('dossiers.reviews.nextReview'),
            render: (_, r: ReviewDueRow) => (
              <Space size={4}>
                {day(r.nextReviewAt)}
                <Tag color={r.overdue ? 'red' : 'gold'}>{r.overdue ? t('dossiers.reviews.overdue') : t('dossiers.reviews.due')}</Tag>
              </Space>
            ),
          },
          {
            key: 'a',
            title: t('common.actions'),
            render: (_, r: ReviewDueRow) => (
              <Button size="small" loading={busy === r.number} onClick={() => void noChange(r.number)} data-testid={`review-nochange-${r.number}`}>
                {t('dossiers.reviews.noChange')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
