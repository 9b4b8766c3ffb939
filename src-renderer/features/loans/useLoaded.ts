/** A list main gives on request, reloaded on demand; a refusal is kept to be shown, not swallowed. */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[] = []) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(load);
  latest.current = load;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setValue(await latest.current());
      setError(null);
    } catch (cause) {
      setError(cause);
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { value, error, setError, loading, reload };
}
