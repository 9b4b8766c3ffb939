/**
 * Form rules built on the contract's zod schemas, so the form refuses what main would refuse
 * (main checks again; this only saves a round trip and gives the message next to the field).
 */
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { loginSchema, MIN_PASSWORD_LENGTH, personNameSchema } from '../../../src-main/contract/people';

export function loginRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('common.required') },
    {
      validator: async (_, value: string | undefined) =>
        !value || loginSchema.safeParse(value).success ? undefined : Promise.reject(new Error(t('validation.login'))),
    },
  ];
}

export function nameRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('common.required') },
    {
      validator: async (_, value: string | undefined) =>
        !value || personNameSchema.safeParse(value).success ? undefined : Promise.reject(new Error(t('validation.name'))),
    },
  ];
}

export function passwordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('common.required') },
    { min: MIN_PASSWORD_LENGTH, message: t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH }) },
  ];
}

/** The confirm field must equal the field named `passwordField`. */
export function confirmRules(t: TFunction, passwordField: string): FormRule[] {
  return [
    { required: true, message: t('common.required') },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) =>
        !value || value === getFieldValue(passwordField) ? undefined : Promise.reject(new Error(t('validation.passwordMismatch'))),
    }),
  ];
}
