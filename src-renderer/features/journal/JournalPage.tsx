/**
 * The auditors' page (审计员): the journal viewer with its exports and chain status, and the reports.
 * Only auditors see it in the menu; anyone else who reaches it is refused by main, and sees that.
 */
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { ChainStatus } from './ChainStatus';
import { JournalViewer } from './JournalViewer';
import { ReportsPanel } from './ReportsPanel';
import './journal.css';

export function JournalPage() {
  const { t } = useTranslation();
  return (
    <Card data-testid="screen-journal" className="page-card journal-page">
      <PageHeading title={t('journal.title')} intro={t('journal.intro')} noPrint />
      <Tabs
        items={[
          { key: 'journal', label: <span data-testid="tab-journal">{t('journal.tabs.journal')}</span>, children: <JournalViewer /> },
          { key: 'chain', label: <span data-testid="tab-chain">{t('journal.tabs.chain')}</span>, children: <ChainStatus /> },
          { key: 'reports', label: <span data-testid="tab-reports">{t('journal.tabs.reports')}</span>, children: <ReportsPanel /> },
        ]}
      />
    </Card>
  );
}
