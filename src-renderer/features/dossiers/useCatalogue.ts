/**
 * The catalogue as pages fetched on demand from the core's paged search: the table asks for the
 * rows it is about to show and only their pages are fetched, so 100,000 rows cost a page or two.
 * A new query starts a new generation; answers to an older one are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogueQuery, CatalogueRow } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';

export const PAGE_SIZE = 100;

export type CatalogueFilter = Omit<CatalogueQuery, 'offset' | 'limit'>;

export interface CatalogueData {
  total: number | null;
  error: unknown;
  row(index: number): CatalogueRow | undefined;
  /** Fetches the pages covering rows [first, last] that are not here yet. */
  ensure(first: number, last: number): void;
  reload(): void;
}

export function useCatalogue(filter: CatalogueFilter): CatalogueData {
  const pages = useRef(new Map<number, CatalogueRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, setTick] = useState(0);
  const [reloads, setReloads] = useState(0);
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const mine = generation.current;
      const query = { ...(JSON.parse(key) as CatalogueFilter), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      call(api().dossiers.search(query))
        .then((result) => {
          if (mine !== generation.current) return;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setError(null);
          setTick((n) => n + 1);
        })
        .catch((cause: unknown) => {
          if (mine !== generation.current) return;
          setError(cause);
          setTotal((t) => t ?? 0);
        })
        .finally(() => {
          if (mine === generation.current) pending.current.delete(page);
        });
    },
    [key],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    fetchPage(0);
  }, [fetchPage, reloads]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p);
    },
    [fetchPage],
  );
  const row = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { total, error, row, ensure, reload };
}
