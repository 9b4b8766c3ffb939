/**
 * Department managers' dashboard: dossiers whose responsible account manager is disabled, flagged
 * until a handover names a successor.
 */
import { useTranslation } from 'react-i18next';
import type { OrphanedDossier } from '../../../src-main/contract/lifecycle-people';
import { api, call } from '../../api/client';
import { TaskCard, TaskRow } from '../dashboard/TaskCard';

export function OrphansCard() {
  const { t } = useTranslation();
  return (
    <TaskCard<OrphanedDossier>
      testId="dashboard-orphans"
      title={t('lifecycle.handover.orphansTitle')}
      empty={t('lifecycle.handover.orphansNone')}
      load={() => call(api().handover.orphans({}))}
      rowKey={(d) => d.number}
      urgent={() => true}
      row={(d) => <TaskRow main={d.customerName} sub={t('lifecycle.handover.orphanRow', { number: d.number, name: d.responsible.name })} />}
    />
  );
}
