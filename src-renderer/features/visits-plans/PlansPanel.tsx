/**
 * A customer's yearly maintenance plans (客户维护计划), on the dossier: the five parts of seed 000 第十条
 * per year. The responsible account manager drafts and files; a change to a filed plan is proposed
 * and shown beside the plan until the marketing department manager approves or rejects it.
 */
import { App, Button, Collapse, Descriptions, Form, Input, InputNumber, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_PARTS, type DossierPlansView, type PlanContent, type PlanView } from '../../../src-main/contract/visits-plans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

function PlanParts({ content }: { content: PlanContent }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered>
      {PLAN_PARTS.map((part) => (
        <Descriptions.Item key={part} label={t(`visitsPlans.plans.part_${part}`)}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{content[part] ?? ''}</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function PlanEditor({ number, plan, year, onSaved }: { number: string; plan: PlanView | null; year: number; onSaved: (view: PlanView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanContent>();
  const filed = plan?.status === 'filed';
  const { submit, busy, error } = useSubmit(async (file: boolean) => {
    const parts = form.getFieldsValue();
    const saved = await call(api().plans.save({ number, year, parts, file }));
    void message.success(filed ? t('visitsPlans.plans.proposed') : t('visitsPlans.plans.saved'));
    onSaved(saved);
  });
  return (
    <Form form={form} layout="vertical" initialValues={plan?.pending ?? plan?.content ?? {}} disabled={busy} data-testid={`plan-editor-${year}`}>
      <ErrorBanner error={error} />
      {PLAN_PARTS.map((part) => (
        <Form.Item key={part} name={part} label={t(`visitsPlans.plans.part_${part}`)}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid={`plan-part-${part}`} />
        </Form.Item>
      ))}
      <Space>
        {filed ? (
          <Button type="primary" loading={busy} onClick={() => void submit(false)} data-testid="plan-propose">
            {t('visitsPlans.plans.propose')}
          </Button>
        ) : (
          <>
            <Button loading={busy} onClick={() => void submit(false)} data-testid="plan-save-draft">
              {t('visitsPlans.plans.saveDraft')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void submit(true)} data-testid="plan-file">
              {t('visitsPlans.plans.file')}
            </Button>
          </>
        )}
      </Space>
    </Form>
  );
}

export function PlanDecision({ plan, onDecided }: { plan: PlanView; onDecided: (view: PlanView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const approve = useSubmit(async () => {
    onDecided(await call(api().plans.approve({ number: plan.number, year: plan.year })));
    void message.success(t('visitsPlans.plans.approved'));
  });
  const reject = useSubmit(async () => {
    onDecided(await call(api().plans.reject({ number: plan.number, year: plan.year, reason })));
    setRejecting(false);
    void message.success(t('visitsPlans.plans.rejected'));
  });
  return (
    <>
      <ErrorBanner error={approve.error ?? reject.error} />
      <Space>
        <Button type="primary" loading={approve.busy} onClick={() => void approve.submit()} data-testid="plan-approve">
          {t('visitsPlans.plans.approve')}
        </Button>
        <Button danger onClick={() => setRejecting(true)} data-testid="plan-reject">
          {t('visitsPlans.plans.reject')}
        </Button>
      </Space>
      <Modal
        open={rejecting}
        title={t('visitsPlans.plans.reject')}
        onCancel={() => setRejecting(false)}
        onOk={() => void reject.submit()}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: reject.busy }}
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('visitsPlans.plans.rejectReason')}
          maxLength={2000}
          data-testid="plan-reject-reason"
        />
      </Modal>
    </>
  );
}

function PlanYear({ number, plan, onChanged }: { number: string; plan: PlanView; onChanged: (view: PlanView) => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PlanParts content={plan.content} />
      {plan.pending && (
        <>
          <Typography.Text strong>{t('visitsPlans.plans.pendingChange', { name: plan.pendingBy?.name ?? '' })}</Typography.Text>
          <PlanParts content={plan.pending} />
          {plan.mayApprove && <PlanDecision plan={plan} onDecided={onChanged} />}
        </>
      )}
      {plan.mayWrite && <PlanEditor key={plan.revision} number={number} plan={plan} year={plan.year} onSaved={onChanged} />}
    </Space>
  );
}

export function PlansPanel({ number }: { number: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<DossierPlansView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [newYear, setNewYear] = useState(new Date().getFullYear());
  const [bump, setBump] = useState(0);
  useEffect(() => {
    let live = true;
    call(api().plans.ofDossier({ number }))
      .then((v) => live && setView(v))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [number, bump]);
  const refresh = () => setBump((n) => n + 1);
  if (error) return <ErrorBanner error={error} />;
  if (!view) return <Skeleton active />;
  const years = new Set(view.plans.map((p) => p.year));
  return (
    <div data-testid="plans-panel">
      {view.plans.length === 0 && <Typography.Paragraph type="secondary">{t('visitsPlans.plans.noPlans')}</Typography.Paragraph>}
      <Collapse
        defaultActiveKey={view.plans.slice(0, 1).map((p) => String(p.year))}
        items={view.plans.map((p) => ({
          key: String(p.year),
          label: (
            <Space>
              {p.year}
              <Tag color={p.status === 'filed' ? 'green' : 'default'}>{t(`visitsPlans.plans.status_${p.status}`)}</Tag>
              {p.pending && <Tag color="gold">{t('visitsPlans.plans.pending')}</Tag>}
            </Space>
          ),
          children: <PlanYear number={number} plan={p} onChanged={refresh} />,
        }))}
      />
      {view.mayWrite && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Space>
            {t('visitsPlans.plans.newYear')}
            <InputNumber min={2000} max={2100} value={newYear} onChange={(v) => setNewYear(v ?? newYear)} data-testid="plan-new-year" />
          </Space>
          {!years.has(newYear) && <PlanEditor key={newYear} number={number} plan={null} year={newYear} onSaved={refresh} />}
        </Space>
      )}
    </div>
  );
}
