/**
 * Maintenance plans across customers: my plans (account managers), changes to approve (the marketing
 * department manager), filed plans (marketing's information keeper). Opening a row shows the
 * customer's plans (a journaled read) with the same panel as the dossier.
 */
import { Button, Card, Drawer, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../src-main/contract/visits-plans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { PlansPanel } from './PlansPanel';

type Scope = 'mine' | 'pending' | 'filed';

function PlanTable({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [rows, setRows] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [bump, setBump] = useState(0);
  useEffect(() => {
    let live = true;
    call(api().plans.list({ scope }))
      .then((list) => live && setRows(list))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [scope, bump]);
  return (
    <>
      <ErrorBanner error={error} />
      <Table<PlanSummary>
        rowKey={(r) => `${r.number}/${r.year}`}
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        locale={{ emptyText: t('visitsPlans.plans.none') }}
        data-testid={`plan-table-${scope}`}
        columns={[
          { title: t('visitsPlans.plans.number'), dataIndex: 'number' },
          { title: t('visitsPlans.plans.customer'), dataIndex: 'customerName' },
          { title: t('visitsPlans.plans.year'), dataIndex: 'year' },
          {
            title: t('visitsPlans.plans.status'),
            render: (_v, r) => (
              <>
                <Tag color={r.status === 'filed' ? 'green' : 'default'}>{t(`visitsPlans.plans.status_${r.status}`)}</Tag>
                {r.pendingSince && <Tag color="gold">{`${t('visitsPlans.plans.pendingSince')} ${f.dateTime(r.pendingSince)}`}</Tag>}
              </>
            ),
          },
          { title: t('visitsPlans.plans.author'), render: (_v, r) => r.author.name },
          {
            title: '',
            render: (_v, r) => (
              <Button size="small" onClick={() => setOpened(r.number)} data-testid={`plan-open-${r.number}-${r.year}`}>
                {t('visitsPlans.visits.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={opened !== null}
        width={760}
        title={opened}
        onClose={() => {
          setOpened(null);
          setBump((n) => n + 1);
        }}
        destroyOnHidden
      >
        {opened && <PlansPanel number={opened} />}
      </Drawer>
    </>
  );
}

export function PlansPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const items = [
    { key: 'mine', label: t('visitsPlans.plans.mine'), children: <PlanTable scope="mine" /> },
    ...(actor.may.approvePlans ? [{ key: 'pending', label: t('visitsPlans.plans.pending'), children: <PlanTable scope="pending" /> }] : []),
    ...(actor.may.keepPlans || actor.may.approvePlans ? [{ key: 'filed', label: t('visitsPlans.plans.filed'), children: <PlanTable scope="filed" /> }] : []),
  ];
  return (
    <Card data-testid="screen-plans" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('visitsPlans.plans.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('visitsPlans.plans.intro')}</Typography.Paragraph>
      <Tabs items={items} destroyOnHidden defaultActiveKey={actor.may.approvePlans ? 'pending' : actor.may.keepPlans ? 'filed' : 'mine'} />
    </Card>
  );
}
