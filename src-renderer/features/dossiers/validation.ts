/**
 * Form rules from the contract's schemas, with messages in the language on screen. ★ fields are
 * checked only when filing (a draft may be incomplete), which `filing()` tells the rule.
 */
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { FieldDef } from './formFields';

interface Issue {
  code: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function empty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function issueText(issue: Issue, def: FieldDef, t: TFunction): string {
  switch (issue.code) {
    case 'too_big':
      return t('dossiers.form.tooLong', { max: Number(issue.maximum) });
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('dossiers.form.required') : t('dossiers.form.tooShort', { min: Number(issue.minimum) });
    case 'invalid_format':
      return t('dossiers.form.badFormat', { format: def.kind === 'date' ? 'YYYY-MM-DD' : def.kind === 'login' ? t('dossiers.form.managerHint') : '—' });
    default:
      return t('dossiers.form.badValue');
  }
}

export function fieldRules(def: FieldDef, t: TFunction, filing: () => boolean): Rule[] {
  return [
    {
      validator: async (_rule, value: unknown) => {
        if (empty(value)) {
          if (def.required) throw new Error(t('dossiers.form.required'));
          if (def.star && filing()) throw new Error(t('dossiers.form.requiredToFile'));
          return;
        }
        const result = def.schema.safeParse(typeof value === 'string' ? value.trim() : value);
        if (!result.success) throw new Error(issueText(result.error.issues[0] as Issue, def, t));
      },
    },
  ];
}
