/** The people list as main gives it to an administrator; a refusal is kept to be shown, not swallowed. */
import { useCallback, useEffect, useState } from 'react';
import type { ListedPerson } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';

export function usePeople() {
  const [people, setPeople] = useState<ListedPerson[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setPeople(await call(api().people.list()));
      setError(null);
    } catch (cause) {
      setError(cause);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Puts a person main just returned into the list without another round trip. */
  const replace = useCallback((person: ListedPerson) => {
    setPeople((list) => {
      if (!list) return [person];
      const at = list.findIndex((p) => p.id === person.id);
      return at < 0 ? [...list, person] : list.map((p, i) => (i === at ? person : p));
    });
  }, []);

  return { people, error, setError, loading, reload, replace };
}
