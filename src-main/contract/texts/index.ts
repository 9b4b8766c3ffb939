/**
 * The one source of texts (issue 13, point 5): i18next resources per domain, each domain holding both
 * languages with the same keys, read by the renderer (i18next), the CLI, the menu and the error
 * messages. tests/unit/texts-complete.test.ts checks every domain in both languages.
 * The renderer's first screens load only the shell's texts (shell-en.ts, shell-zh-CN.ts); the
 * features' domains join with the unlocked app (src-renderer/i18n/featureTexts.ts).
 */
import { analyticsText } from './analytics';
import { dossiersText } from './dossiers';
import { dueText } from './due';
import { journalText } from './journal';
import { leadsText } from './leads';
import { lifecycleText } from './lifecycle';
import { loansText } from './loans';
import { printText } from './print';
import { readerText } from './reader';
import { relationsText } from './relations';
import { resetsText } from './resets';
import { settingsText } from './settings';
import { en } from './shell-en';
import { zhCN } from './shell-zh-CN';
import { visitsPlansText } from './visits-plans';

/** The features' domains, each merged into i18next under its own key. */
export const FEATURE_TEXTS = {
  dossiers: dossiersText,
  loans: loansText,
  journal: journalText,
  lifecycle: lifecycleText,
  resets: resetsText,
  reader: readerText,
  print: printText,
  due: dueText,
  visitsPlans: visitsPlansText,
  relations: relationsText,
  analytics: analyticsText,
  settings: settingsText,
  leads: leadsText,
};

function merge(base: object, pick: 'en' | 'zhCN'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [name, text] of Object.entries(FEATURE_TEXTS)) {
    const existing = (out[name] ?? {}) as object;
    out[name] = { ...existing, ...text[pick] };
  }
  return out;
}

/** Everything the renderer's i18next holds once unlocked: the shell's texts plus every feature's. */
export const RESOURCES = { en: merge(en, 'en'), zhCN: merge(zhCN, 'zhCN') };
