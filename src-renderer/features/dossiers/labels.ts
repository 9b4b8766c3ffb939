/**
 * Dossier words in the language on screen. Grades are dossiers texts (contract/texts/dossiers.ts);
 * secrecy levels, fields and sections use the contract's bilingual labels (the core's diff and
 * printed sheet use the same ones); secrecy always carries its ★ mark (domain.md: marked on every
 * rendering).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, SECTION_LABELS } from '../../../src-main/contract/dossier-labels';
import { SECRECY_LABELS, type Grade, type SecrecyLevel, type Section } from '../../../src-main/contract/dossiers';
import type { Locale } from '../../../src-main/contract/messages';

export function secrecyText(level: SecrecyLevel, locale: Locale): string {
  return `★ ${SECRECY_LABELS[level][locale]}`;
}

export function useDossierLabels() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const grade = useCallback((g: Grade) => t(`dossiers.grade.${g}`), [t]);
  const secrecy = useCallback((s: SecrecyLevel) => secrecyText(s, locale), [locale]);
  const field = useCallback((path: string) => fieldLabel(path)[locale], [locale]);
  const section = useCallback((s: Section) => SECTION_LABELS[s][locale], [locale]);
  return { locale, grade, secrecy, field, section };
}
