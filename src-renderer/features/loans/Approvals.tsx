/**
 * The approver's queue: cards and renewals waiting for this person (custodian of the copy's
 * department; department manager for a 机密 card's second approval), each with the borrower's
 * record beside it. Main refuses anyone else and any self-approval (rule 2).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BorrowerHistory, LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoanLabels } from './labels';
import { LoanTable } from './LoanTable';
import { ReasonModal } from './ReasonModal';
import { useLoaded } from './useLoaded';

export function Approvals() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().cards.pending({})));
  const [selected, setSelected] = useState<LoanView | null>(null);
  const [rejecting, setRejecting] = useState<LoanView | null>(null);

  const approve = async (l: LoanView) => {
    try {
      await call(api().cards.approve({ card: l.card }));
      void message.success(t('loans.approvals.approved'));
      setError(null);
      setSelected(null);
    } catch (cause) {
      setError(cause);
    }
    await reload();
  };

  const actions = (l: LoanView) => (
    <Space wrap>
      {l.state === 'on-loan' && <Tag color="cyan">{t('loans.approvals.renewal')}</Tag>}
      <Button type="primary" size="small" onClick={() => void approve(l)} data-testid={`approve-${l.card}`}>
        {t('loans.approvals.approve')}
      </Button>
      <Button size="small" danger onClick={() => setRejecting(l)} data-testid={`reject-${l.card}`}>
        {t('loans.approvals.reject')}
      </Button>
    </Space>
  );

  return (
    <div data-testid="loans-approvals">
      <Space className="loans-toolbar" wrap>
        <Typography.Text type="secondary">{t('loans.approvals.intro')}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('loans.refresh')}
        </Button>
      </Space>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Row gutter={16}>
        <Col span={24}>
          <LoanTable
            testId="approvals-table"
            loans={value ?? []}
            loading={loading}
            showBorrower
            actions={actions}
            selected={selected?.card ?? null}
            onSelect={setSelected}
          />
        </Col>
        <Col span={24} style={{ marginTop: 16 }}>
          <HistoryPanel loan={selected} />
        </Col>
      </Row>
      {rejecting && (
        <ReasonModal
          title={t('loans.approvals.rejectTitle', { card: rejecting.card })}
          label={t('loans.approvals.reason')}
          okText={t('loans.approvals.reject')}
          danger
          testId="reject"
          onClose={() => setRejecting(null)}
          onSubmit={async (reason) => {
            await call(api().cards.reject({ card: rejecting.card, reason: reason ?? '' }));
            setRejecting(null);
            setSelected(null);
            void message.success(t('loans.approvals.rejected'));
            await reload();
          }}
        />
      )}
    </div>
  );
}

function HistoryPanel({ loan }: { loan: LoanView | null }) {
  const { t } = useTranslation();
  const { form, time } = useLoanLabels();
  const [history, setHistory] = useState<BorrowerHistory | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setHistory(null);
    setError(null);
    if (loan) {
      call(api().cards.history({ card: loan.card }))
        .then((h) => live && setHistory(h))
        .catch((cause: unknown) => live && setError(cause));
    }
    return () => {
      live = false;
    };
  }, [loan]);

  return (
    <Card size="small" title={t('loans.approvals.history')} data-testid="borrower-history">
      {!loan && <Typography.Text type="secondary">{t('loans.approvals.historyPick')}</Typography.Text>}
      {loan && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('loans.col.borrower')}>{`${loan.borrower.name} (${loan.borrower.login})`}</Descriptions.Item>
          <Descriptions.Item label={t('loans.col.purpose')}>{loan.purpose}</Descriptions.Item>
          <Descriptions.Item label={t('loans.col.form')}>{form(loan.form)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.col.period')}>{t('loans.days', { count: loan.periodDays })}</Descriptions.Item>
          <Descriptions.Item label={t('loans.col.place')}>{loan.readingPlace}</Descriptions.Item>
          <Descriptions.Item label={t('loans.col.submitted')}>{time(loan.submittedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <ErrorBanner error={error} />
      {history && (
        <>
          {history.flagged && <Alert type="error" showIcon title={t('loans.approvals.flagged')} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('loans.approvals.loans')}>{history.loans}</Descriptions.Item>
            <Descriptions.Item label={t('loans.approvals.overdueNow')}>{history.overdueNow}</Descriptions.Item>
            <Descriptions.Item label={t('loans.approvals.returnedLate')}>{history.returnedLate}</Descriptions.Item>
            <Descriptions.Item label={t('loans.approvals.incidents')}>{history.incidents}</Descriptions.Item>
            <Descriptions.Item label={t('loans.approvals.marks')}>{history.integrityMarks}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Card>
  );
}
