/**
 * The general manager's dashboard: people with three or more integrity marks (诚信黑点累计达3个),
 * with the policy's recommendation (建议辞退) shown as a flag — never an automatic action.
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlaggedPerson } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { TaskCard, TaskRow } from '../dashboard/TaskCard';

export function FlaggedCard() {
  const { t } = useTranslation();
  return (
    <TaskCard<FlaggedPerson>
      testId="dashboard-flagged"
      title={t('lifecycle.flagged.title')}
      empty={t('lifecycle.flagged.none')}
      load={() => call(api().incidents.flagged({}))}
      rowKey={(f) => f.person.login}
      urgent={() => true}
      row={(f) => (
        <TaskRow
          main={f.person.name}
          sub={t('lifecycle.flagged.marks', { count: f.marks, department: f.department })}
          side={<Tag color="red">{t('lifecycle.flagged.recommendation')}</Tag>}
        />
      )}
    />
  );
}
