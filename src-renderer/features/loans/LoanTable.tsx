/** One table for every list of cards: the columns a borrower, an approver and a custodian all read. */
import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SECRECY_LABELS } from '../../../src-main/contract/dossiers';
import type { LoanView } from '../../../src-main/contract/loans';
import { STATE_COLORS, useLoanLabels } from './labels';

interface Props {
  loans: LoanView[];
  loading?: boolean;
  testId: string;
  showBorrower?: boolean;
  actions?: (loan: LoanView) => ReactNode;
  selected?: string | null;
  onSelect?: (loan: LoanView) => void;
}

export function LoanStateTag({ loan }: { loan: LoanView }) {
  const { state } = useLoanLabels();
  return (
    <Tag color={STATE_COLORS[loan.state]} data-testid={`loan-state-${loan.card}`}>
      {state(loan.state)}
    </Tag>
  );
}

export function LoanTable({ loans, loading, testId, showBorrower, actions, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { form, time, english } = useLoanLabels();
  const columns: ColumnsType<LoanView> = [
    { title: t('loans.col.card'), dataIndex: 'card', key: 'card', className: 'nowrap' },
    {
      title: t('loans.col.dossier'),
      key: 'dossier',
      render: (_, l) => (
        <Space vertical size={0}>
          <span>{l.customerName}</span>
          <Typography.Text type="secondary">
            {l.number} · ★{SECRECY_LABELS[l.secrecy][english ? 'en' : 'zh-CN']}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('loans.col.copy')}: {l.copyNumber}
          </Typography.Text>
        </Space>
      ),
    },
    ...(showBorrower
      ? [{ title: t('loans.col.borrower'), key: 'borrower', render: (_: unknown, l: LoanView) => `${l.borrower.name} (${l.borrower.login})` }]
      : []),
    {
      title: t('loans.col.state'),
      key: 'state',
      render: (_, l) => (
        <Space vertical size={2}>
          <LoanStateTag loan={l} />
          {l.needsSecondApproval && !l.managerApproval && l.state === 'submitted' && (
            <Typography.Text type="secondary">{t('loans.secondApproval')}</Typography.Text>
          )}
          {l.renewal?.state === 'requested' && <Typography.Text type="secondary">{t('loans.renewalAsked', { days: l.renewal.days })}</Typography.Text>}
          {l.queuePosition !== null && <Typography.Text type="secondary">{t('loans.queuePosition', { position: l.queuePosition })}</Typography.Text>}
          {(l.rejectReason ?? l.endNote) && <Typography.Text type="secondary">{l.rejectReason ?? l.endNote}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('loans.col.form'),
      key: 'form',
      render: (_, l) => (
        <Space vertical size={0}>
          <span>{form(l.form)}</span>
          <Typography.Text type="secondary">{t('loans.days', { count: l.periodDays })}</Typography.Text>
        </Space>
      ),
    },
    { title: t('loans.col.due'), key: 'due', width: 110, render: (_, l) => time(l.dueAt) },
    ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 190, render: (_: unknown, l: LoanView) => actions(l) }] : []),
  ];
  return (
    <Table<LoanView>
      data-testid={testId}
      rowKey="card"
      size="middle"
      columns={columns}
      dataSource={loans}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('loans.empty') }}
      rowClassName={(l) => (l.card === selected ? 'loans-row-selected' : onSelect ? 'loans-row-selectable' : '')}
      onRow={onSelect ? (l) => ({ onClick: () => onSelect(l), 'data-testid': `row-${l.card}` }) as never : (l) => ({ 'data-testid': `row-${l.card}` }) as never}
    />
  );
}
