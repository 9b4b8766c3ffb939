/**
 * Borrowing: my loans for everyone; approvals for custodians and department managers; the desk and
 * the register for custodians (the register also for department managers). Hiding a tab is a
 * courtesy: main refuses whoever reaches a list they may not see. The reading view covers the page.
 */
import { Alert, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../src-main/contract/loans';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../session/SessionContext';
import { Approvals } from './Approvals';
import { CustodianDesk } from './CustodianDesk';
import { MyLoans } from './MyLoans';
import { ReadingView, type ReadingEnd } from './ReadingView';
import { RegisterView } from './RegisterView';
import './loans.css';

const END_TEXT: Record<Exclude<ReadingEnd, 'closed'>, string> = {
  due: 'loans.reading.endedDue',
  recalled: 'loans.reading.endedRecalled',
  ended: 'loans.reading.ended',
};

export function LoansPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const [reading, setReading] = useState<LoanView | null>(null);
  const [ended, setEnded] = useState<ReadingEnd | null>(null);
  const [tab, setTab] = useState('mine');
  const { seeRegister, keepCopies } = actor.may;

  const tabs = [
    { key: 'mine', label: <span data-testid="tab-mine">{t('loans.tabs.mine')}</span>, children: <MyLoans onRead={(l) => (setEnded(null), setReading(l))} /> },
    ...(seeRegister ? [{ key: 'approvals', label: <span data-testid="tab-approvals">{t('loans.tabs.approvals')}</span>, children: <Approvals /> }] : []),
    ...(keepCopies ? [{ key: 'desk', label: <span data-testid="tab-desk">{t('loans.tabs.desk')}</span>, children: <CustodianDesk /> }] : []),
    ...(seeRegister ? [{ key: 'register', label: <span data-testid="tab-register">{t('loans.tabs.register')}</span>, children: <RegisterView /> }] : []),
  ];

  if (reading) {
    return (
      <ReadingView
        loan={reading}
        onClose={(why) => {
          setReading(null);
          setEnded(why === 'closed' ? null : why);
        }}
      />
    );
  }

  return (
    <Card data-testid="screen-loans" className="page-card loans-page">
      <PageHeading title={t('loans.title')} intro={t('loans.intro')} noPrint />
      {ended && ended !== 'closed' && (
        <Alert
          type="warning"
          showIcon
          title={t(END_TEXT[ended])}
          closable={{ onClose: () => setEnded(null) }}
          data-testid="reading-ended"
          style={{ marginBottom: 16 }}
        />
      )}
      <Tabs activeKey={tab} onChange={setTab} items={tabs} destroyOnHidden className="loans-tabs" />
    </Card>
  );
}
