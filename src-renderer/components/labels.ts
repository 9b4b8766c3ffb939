/** Labels for ranks, duties and departments in the language on screen. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentView, Duty, Rank } from '../../src-main/contract/people';

export function useLabels() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const rank = useCallback((value: Rank) => t(`ranks.${value}`), [t]);
  const duty = useCallback((value: Duty) => t(`duties.${value}`), [t]);
  const department = useCallback(
    (code: string, departments: readonly DepartmentView[]) => {
      const found = departments.find((d) => d.code === code);
      // An unknown code is shown as is rather than hidden: the record still says where the person sits.
      if (!found) return code;
      return english ? found.nameEn : found.nameZh;
    },
    [english],
  );
  return { rank, duty, department };
}
