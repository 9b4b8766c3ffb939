/** The filters in force, in words: what an export or a report will cover. */
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { JournalFilters } from '../../../src-main/contract/ipc-journal';

export function FiltersSummary({ filters }: { filters: JournalFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const any = t('journal.filter.any');
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="filters-summary"
      items={[
        { key: 'from', label: t('journal.filter.from'), children: filters.from ? format.dateTime(filters.from) : any },
        { key: 'to', label: t('journal.filter.to'), children: filters.to ? format.dateTime(filters.to) : any },
        { key: 'person', label: t('journal.filter.person'), children: filters.person ?? any },
        { key: 'dossier', label: t('journal.filter.dossier'), children: filters.object?.id ?? any },
        { key: 'event', label: t('journal.filter.event'), children: filters.event ?? any },
        { key: 'outcome', label: t('journal.filter.outcome'), children: filters.outcome ? t(`journal.outcome.${filters.outcome}`) : any },
      ]}
    />
  );
}
