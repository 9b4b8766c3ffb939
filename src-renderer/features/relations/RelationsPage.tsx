/**
 * Customer care (issue 17 points 5–7): the complaints and follow-ups a person works on, overdue
 * ones flagged, and the register of transacting customers (交易往来客户名册) with their latest
 * half-yearly survey. What each list holds is the core's choice.
 */
import { Button, Checkbox, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterRow } from '../../../src-main/contract/relations';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';
import { ComplaintsTable } from './ComplaintsTable';
import { FollowUpsTable } from './FollowUpsTable';
import './relations.css';

export function RelationsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('complaints');
  return (
    <div data-testid="screen-relations">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('relations.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'complaints', label: <span data-testid="relations-tab-complaints">{t('relations.tabComplaints')}</span>, children: <Complaints /> },
          { key: 'followUps', label: <span data-testid="relations-tab-followups">{t('relations.tabFollowUps')}</span>, children: <FollowUps /> },
          { key: 'register', label: <span data-testid="relations-tab-register">{t('relations.tabRegister')}</span>, children: <Register /> },
        ]}
      />
    </div>
  );
}

function Complaints() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().relations.complaints(open ? { open: true } : {})), [open]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Typography.Text type="secondary">{t('relations.complaint.rule')}</Typography.Text>
      <Space>
        <Checkbox checked={open} onChange={(e) => setOpen(e.target.checked)}>
          {t('relations.openOnly')}
        </Checkbox>
        <Button size="small" onClick={() => void reload()} data-testid="relations-refresh">
          {t('relations.refresh')}
        </Button>
      </Space>
      <ComplaintsTable rows={value ?? []} loading={loading} showCustomer onChanged={() => void reload()} onError={setError} />
    </Space>
  );
}

function FollowUps() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().relations.followUps(open ? { open: true } : {})), [open]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Checkbox checked={open} onChange={(e) => setOpen(e.target.checked)}>
        {t('relations.openOnly')}
      </Checkbox>
      <FollowUpsTable rows={value ?? []} loading={loading} showCustomer onChanged={() => void reload()} />
    </Space>
  );
}

function Register() {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading } = useLoaded(() => call(api().relations.register({})));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Table<RegisterRow>
        rowKey="number"
        size="small"
        loading={loading}
        dataSource={value ?? []}
        data-testid="register-table"
        columns={[
          { title: t('relations.number'), dataIndex: 'number' },
          { title: t('relations.customer'), dataIndex: 'customerName' },
          { title: t('relations.regrade.grade'), dataIndex: 'grade', width: 64 },
          { title: t('relations.owner'), render: (_, r) => r.responsible?.name ?? '—' },
          {
            title: t('relations.survey.lastSurvey'),
            render: (_, r) =>
              r.lastSurvey ? `${r.lastSurvey.period} · ${new Date(r.lastSurvey.conductedAt).toLocaleDateString(i18n.language)} · ${r.lastSurvey.by.name}` : '—',
          },
          {
            title: t('relations.state'),
            render: (_, r) =>
              r.surveyDue ? <Tag color="gold">{t('relations.survey.dueShort')}</Tag> : <Tag color="green">{t('relations.survey.doneShort')}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
