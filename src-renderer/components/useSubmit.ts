/**
 * One way to submit a form: `busy` while the request runs (buttons show it, fields are disabled),
 * the failure kept in `error` for the ErrorBanner, and cleared when the person tries again.
 */
import { useState } from 'react';

export interface Submit<A extends unknown[]> {
  submit: (...args: A) => Promise<void>;
  busy: boolean;
  error: unknown;
  setError: (error: unknown) => void;
}

export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Submit<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error, setError };
}
