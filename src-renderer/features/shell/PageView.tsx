/** Renders the selected page. */
import { assertNever } from '../router/screens';
import { DashboardPage } from '../dashboard/DashboardPage';
import { LoansPage } from '../loans/LoansPage';
import { DossiersPage } from '../dossiers/DossiersPage';
import { JournalPage } from '../journal/JournalPage';
import { PeoplePage } from '../people/PeoplePage';
import { SettingsPage } from '../settings/SettingsPage';
import { RecordsPage } from '../lifecycle/RecordsPage';
import { PlansPage } from '../visits-plans/PlansPage';
import { VisitReportsPage } from '../visits-plans/VisitReportsPage';
import { RelationsPage } from '../relations/RelationsPage';
import { AnalystPage } from '../analytics/AnalystPage';
import { LeadsPage } from '../leads/LeadsPage';
import type { Page } from '../../../src-main/contract/pages';

export function PageView({ page }: { page: Page }) {
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'dossiers':
      return <DossiersPage />;
    case 'loans':
      return <LoansPage />;
    case 'journal':
      return <JournalPage />;
    case 'people':
      return <PeoplePage />;
    case 'settings':
      return <SettingsPage />;
    case 'records':
      return <RecordsPage />;
    case 'visits':
      return <VisitReportsPage />;
    case 'plans':
      return <PlansPage />;
    case 'relations':
      return <RelationsPage />;
    case 'analytics':
      return <AnalystPage />;
    case 'leads':
      return <LeadsPage />;
    default:
      return assertNever(page);
  }
}
