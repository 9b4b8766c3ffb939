/** Chart words in the language on screen: categories (months, grades, codes) and series names. */
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { OTHER_GROUP, type AnalyticDimension, type ChartData } from '../../../src-main/contract/analytics';
import type { Grade, SecrecyLevel } from '../../../src-main/contract/dossiers';
import { useLabels } from '../../components/labels';
import { useDossierLabels } from '../dossiers/labels';
import { useSession } from '../session/SessionContext';

export function useChartLabels() {
  const { t } = useTranslation();
  const { departments } = useSession();
  const { department } = useLabels();
  const { grade, secrecy } = useDossierLabels();

  // The data's months are YYYY-MM; the language's texts say how a month is written.
  const month = useCallback((m: string) => (/^\d{4}-\d{2}$/.test(m) ? dayjs(`${m}-01`).format(t('analytics.monthFormat')) : m), [t]);

  /** A group key of the analyst's answers, by the dimension it belongs to. */
  const groupKey = useCallback(
    (dimension: AnalyticDimension, key: string): string => {
      if (key === OTHER_GROUP) return t('analytics.other');
      switch (dimension) {
        case 'grade':
          return ['A', 'B', 'C'].includes(key) ? grade(key as Grade) : key;
        case 'secrecy':
          return ['internal', 'secret', 'confidential'].includes(key) ? secrecy(key as SecrecyLevel) : key;
        case 'lifecycle':
          return t(`dossiers.lifecycle.${key}`, { defaultValue: key });
        case 'status':
          return t(`dossiers.status.${key}`, { defaultValue: key });
        case 'sourceChannel':
          return key ? t(`dossiers.source.${key}`, { defaultValue: key }) : '-';
        case 'department':
          return department(key, departments);
        case 'month':
          return month(key);
        default:
          return key;
      }
    },
    [t, grade, secrecy, department, departments, month],
  );

  /** A dashboard chart's categories. */
  const categories = useCallback(
    (chart: ChartData): string[] =>
      chart.categories.map((c) =>
        chart.categoryKind === 'month' ? month(c) : chart.categoryKind === 'grade' ? grade(c as Grade) : t(`analytics.buckets.${c}`, { defaultValue: c }),
      ),
    [month, grade, t],
  );

  const seriesName = useCallback((key: string) => t(`analytics.series.${key}`, { defaultValue: key }), [t]);
  return { groupKey, categories, seriesName };
}
