/**
 * All UI text: the shell's (en.ts, zh-CN.ts) plus one namespace per feature, each kept beside its
 * feature (features/<feature>/text.ts) so features do not edit one shared file.
 */
import { dossiersText } from '../features/dossiers/text';
import { journalText } from '../features/journal/text';
import { loansText } from '../features/loans/text';
import { lifecycleText } from '../features/lifecycle/text';
import { resetsText } from '../features/resets/text';
import { readerText } from '../features/reader/text';
import { printText } from '../print/text';
import { dueText } from '../features/due/text';
import { visitsPlansText } from '../features/visits-plans/text';
import { relationsText } from '../features/relations/text';
import { analyticsText } from '../features/analytics/text';
import { settingsText } from '../features/settings/text';
import { leadsText } from '../features/leads/text';
import { en } from './en';
import { zhCN } from './zh-CN';

const FEATURES = { dossiers: dossiersText, loans: loansText, journal: journalText, lifecycle: lifecycleText, resets: resetsText, reader: readerText, print: printText, due: dueText, visitsPlans: visitsPlansText, relations: relationsText, analytics: analyticsText, settings: settingsText, leads: leadsText };

function merge(base: object, pick: 'en' | 'zhCN'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [name, text] of Object.entries(FEATURES)) {
    const existing = (out[name] ?? {}) as object;
    out[name] = { ...existing, ...text[pick] };
  }
  return out;
}

export const RESOURCES = { en: merge(en, 'en'), zhCN: merge(zhCN, 'zhCN') };
