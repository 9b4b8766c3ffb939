/**
 * Form rules from the contract's own schemas (contract/loans.ts), so the form refuses exactly what
 * main would refuse, with the message in the language on screen.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export function zodRule(schema: z.ZodType, t: TFunction, limits: { min?: number; max?: number } = {}) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const parsed = schema.safeParse(typeof value === 'string' ? value : (value ?? undefined));
      if (parsed.success) return;
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) throw new Error(t('common.required'));
      if (limits.min !== undefined && text.length < limits.min) throw new Error(t('loans.card.tooShort', { min: limits.min }));
      if (limits.max !== undefined && text.length > limits.max) throw new Error(t('loans.card.tooLong', { max: limits.max }));
      throw new Error(parsed.error.issues[0]?.message ?? t('common.required'));
    },
  };
}
