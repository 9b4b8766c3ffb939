/**
 * The dashboard's work lists, one card each, every one asking main for the signed-in person's own
 * share: reviews due (a department's for its managers, their assigned customers' for collectors),
 * cards awaiting their approval, their own cards and loans, and their department's overdue loans.
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewDueRow } from '../../../src-main/contract/dossiers';
import type { LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { SecrecyTag } from '../dossiers/SecrecyTag';
import { STATE_COLORS, useLoanLabels } from '../loans/labels';
import { TaskCard, TaskRow } from './TaskCard';

/** Cards still to be decided or loans still running: what the borrower has to keep an eye on. */
const OPEN_STATES = new Set<LoanView['state']>(['submitted', 'queued', 'on-loan', 'overdue']);

export function ReviewsCard({ assigned }: { assigned: boolean }) {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  return (
    <TaskCard<ReviewDueRow>
      testId={assigned ? 'dashboard-reviews-assigned' : 'dashboard-reviews'}
      title={t(assigned ? 'dashboard.reviews_titleAssigned' : 'dashboard.reviews_title')}
      empty={t('dashboard.reviews_none')}
      load={() => call(api().reviews.list(assigned ? { assigned: true } : {})).then((r) => r.rows)}
      rowKey={(r) => r.number}
      urgent={(r) => r.overdue}
      row={(r) => (
        <TaskRow
          main={r.customerName}
          sub={r.number}
          side={
            <>
              <Tag color={r.overdue ? 'red' : 'gold'}>{t(r.overdue ? 'dashboard.reviews_overdue' : 'dashboard.reviews_due')}</Tag>
              {t('dashboard.reviews_by', { date: time(r.nextReviewAt) })}
            </>
          }
        />
      )}
    />
  );
}

export function ApprovalsCard() {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  return (
    <TaskCard<LoanView>
      testId="dashboard-approvals"
      title={t('dashboard.approvals_title')}
      empty={t('dashboard.approvals_none')}
      load={() => call(api().cards.pending({}))}
      rowKey={(l) => l.card}
      row={(l) => (
        <TaskRow
          main={l.customerName}
          sub={t('dashboard.approvals_who', { name: l.borrower.name, copy: l.copyNumber, time: time(l.submittedAt) })}
          side={
            <>
              <SecrecyTag level={l.secrecy} />
              <Tag>{t(l.state === 'on-loan' ? 'dashboard.approvals_renewal' : 'dashboard.approvals_card')}</Tag>
            </>
          }
        />
      )}
    />
  );
}

export function MyLoansCard() {
  const { t } = useTranslation();
  const { state, time } = useLoanLabels();
  return (
    <TaskCard<LoanView>
      testId="dashboard-my-loans"
      title={t('dashboard.myLoans_title')}
      empty={t('dashboard.myLoans_none')}
      load={() => call(api().loans.list({ overdue: false })).then((all) => all.filter((l) => OPEN_STATES.has(l.state)))}
      rowKey={(l) => l.card}
      urgent={(l) => l.state === 'overdue'}
      row={(l) => (
        <TaskRow
          main={l.customerName}
          sub={`${l.card} · ${l.copyNumber}`}
          side={
            <>
              <Tag color={STATE_COLORS[l.state]}>{state(l.state)}</Tag>
              {l.dueAt ? t('dashboard.myLoans_due', { time: time(l.dueAt) }) : null}
            </>
          }
        />
      )}
    />
  );
}

export function OverdueLoansCard({ department }: { department: string }) {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  return (
    <TaskCard<LoanView>
      testId="dashboard-overdue-loans"
      title={t('dashboard.overdueLoans_title')}
      empty={t('dashboard.overdueLoans_none')}
      load={() => call(api().loans.list({ department, overdue: true }))}
      rowKey={(l) => l.card}
      urgent={() => true}
      row={(l) => (
        <TaskRow
          main={l.customerName}
          sub={t('dashboard.overdueLoans_who', { name: l.borrower.name, copy: l.copyNumber })}
          side={<Tag color="red">{t('dashboard.overdueLoans_wasDue', { time: time(l.dueAt) })}</Tag>}
        />
      )}
    />
  );
}
