/** The recent-archives list main keeps (folder paths only: no names or secrets leave the archive). */
import { useCallback, useEffect, useState } from 'react';
import type { RecentArchive } from '../../../src-main/contract/ipc';
import { api, call } from '../../api/client';

/** `initial` (the list that came with the app state at start) shows until main's current list arrives. */
export function useRecentArchives(initial: RecentArchive[] = []) {
  const [recent, setRecent] = useState<RecentArchive[]>(initial);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call(api().app.info())
      .then((info) => live && setRecent(info.recentArchives))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, []);

  const forget = useCallback(async (folder: string) => {
    try {
      const answer = await call(api().app.forgetArchive({ folder }));
      setRecent(answer.recentArchives);
    } catch (cause) {
      setError(cause);
    }
  }, []);

  return { recent, error, setError, forget };
}
