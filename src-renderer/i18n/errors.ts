/**
 * Turns an error from main into a sentence in the current language. We translate from the code with the
 * contract's own messages (so a language switch re-translates it) and fall back to main's message when
 * the params needed to fill the sentence did not come along.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode } from '../../src-main/contract/errors';
import { formatError, type Locale } from '../../src-main/contract/messages';
import { ApiError } from '../api/client';

const PLACEHOLDER = /\{\{\w+\}\}/;

export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError && isErrorCode(error.code)) {
    const text = formatError({ code: error.code, params: error.params }, locale);
    if (!PLACEHOLDER.test(text)) return text;
    return error.mainMessage ?? text.replace(/[\s：:]*\{\{\w+\}\}/g, '');
  }
  if (error instanceof ApiError && error.mainMessage) return error.mainMessage;
  return formatError({ code: 'internal' }, locale);
}

/** `errorText` bound to the language on screen; re-renders with it. */
export function useErrorText(): (error: unknown) => string {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useCallback((error: unknown) => errorText(error, locale), [locale]);
}
