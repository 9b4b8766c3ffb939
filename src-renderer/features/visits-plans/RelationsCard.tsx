/**
 * The dashboard's way into visit reports and plans: the salesperson's last report, reports waiting
 * for the signed-in person's comment, plan changes waiting for the marketing department manager.
 * The full list of what is due is the due list; this card opens the pages.
 */
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSession } from '../session/SessionContext';
import { useNavigate } from '../shell/navigation';

interface Counts {
  lastReport: string | null;
  toComment: number;
  commentOverdue: number;
  planChanges: number;
}

export function RelationsCard() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const go = useNavigate();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const mine = actor.may.fileVisitReports ? await call(api().visits.list({ scope: 'mine' })) : [];
      const supervised = (await call(api().visits.list({ scope: 'toComment' }))).filter((r) => r.commentedAt === null);
      const pending = actor.may.approvePlans ? await call(api().plans.list({ scope: 'pending' })) : [];
      return {
        lastReport: mine[0]?.date ?? null,
        toComment: supervised.length,
        commentOverdue: supervised.filter((r) => r.commentOverdue).length,
        planChanges: pending.length,
      };
    })()
      .then((c) => live && setCounts(c))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [actor.may.fileVisitReports, actor.may.approvePlans]);
  const rows = counts
    ? [
        ...(actor.may.fileVisitReports
          ? [{ key: 'last', text: `${t('visitsPlans.card.lastReport')}: ${counts.lastReport ?? t('visitsPlans.card.never')}` }]
          : []),
        { key: 'comment', text: t('visitsPlans.card.toComment', { count: counts.toComment }), overdue: counts.commentOverdue },
        ...(actor.may.approvePlans ? [{ key: 'plans', text: t('visitsPlans.card.planChanges', { count: counts.planChanges }) }] : []),
      ]
    : [];
  return (
    <Card size="small" title={t('visitsPlans.card.title')} data-testid="relations-card">
      <ErrorBanner error={error} />
      <List
        size="small"
        loading={counts === null && !error}
        dataSource={rows}
        renderItem={(row) => (
          <List.Item key={row.key}>
            <Typography.Text>
              {row.text} {'overdue' in row && row.overdue ? <Tag color="red">{t('visitsPlans.card.overdue', { count: row.overdue })}</Tag> : null}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => go('visits')} data-testid="relations-open-visits">
          {t('nav.visits')}
        </Button>
        <Button size="small" onClick={() => go('plans')} data-testid="relations-open-plans">
          {t('nav.plans')}
        </Button>
      </Space>
    </Card>
  );
}
