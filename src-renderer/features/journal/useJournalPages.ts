/**
 * The viewer's window onto a journal that may hold millions of entries. The core pages by key
 * (`seq > afterSeq`), so page k can only be found from where page k−1 ended: we keep that cursor
 * for every page seen (a number each), but the entries of only the last few pages looked at.
 * Scrolling back to an evicted page asks for it again from its cursor. Nothing ever holds the
 * whole journal, and no request carries more than one page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JournalEntryView, JournalFilters } from '../../../src-main/contract/ipc-journal';
import { api, call } from '../../api/client';

export const PAGE_SIZE = 200;
/** Pages whose entries are kept; the rest are fetched again when scrolled back into view. */
const KEEP_PAGES = 12;

interface State {
  /** cursors[k] is the `afterSeq` that starts page k. */
  cursors: number[];
  /** Set once a page came back short: the journal (as filtered) ends there. */
  end: { page: number; length: number } | null;
  pages: Map<number, JournalEntryView[]>;
}

export interface JournalPages {
  /** Rows the list can show: known pages, plus one page of placeholders while the end is not known. */
  rowCount: number;
  ended: boolean;
  entryAt(index: number): JournalEntryView | undefined;
  /** Called by the list with the rows on screen; fetches what is missing. */
  ensure(first: number, last: number): void;
  loading: boolean;
  error: unknown;
}

export function useJournalPages(filters: JournalFilters, startAfterSeq: number, generation: number): JournalPages {
  const [state, setState] = useState<State>(() => fresh(startAfterSeq));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(new Set<number>());
  const stateRef = useRef(state);
  stateRef.current = state;
  // A new query (filters, start, refresh) forgets everything, including answers still on their way.
  const query = useRef(0);

  useEffect(() => {
    query.current++;
    inFlight.current.clear();
    setError(null);
    setState(fresh(startAfterSeq));
  }, [filters, startAfterSeq, generation]);

  const fetchPage = useCallback(
    (k: number) => {
      const s = stateRef.current;
      const cursor = s.cursors[k];
      if (cursor === undefined || s.pages.has(k) || inFlight.current.has(k)) return;
      const asked = query.current;
      inFlight.current.add(k);
      setLoading(true);
      call(api().journal.read({ filters, afterSeq: cursor, limit: PAGE_SIZE }))
        .then((page) => {
          if (asked !== query.current) return;
          setState((prev) => {
            const pages = new Map(prev.pages);
            pages.set(k, page.entries);
            // Evict the pages furthest from the one just read.
            while (pages.size > KEEP_PAGES) {
              const far = [...pages.keys()].sort((a, b) => Math.abs(b - k) - Math.abs(a - k))[0]!;
              pages.delete(far);
            }
            const cursors = prev.cursors.slice();
            let end = prev.end;
            if (page.nextAfterSeq === null) end = { page: k, length: page.entries.length };
            else if (cursors.length === k + 1) cursors.push(page.nextAfterSeq);
            return { cursors, end, pages };
          });
        })
        .catch((cause: unknown) => asked === query.current && setError(cause))
        .finally(() => {
          inFlight.current.delete(k);
          if (inFlight.current.size === 0) setLoading(false);
        });
    },
    [filters],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let k = Math.floor(first / PAGE_SIZE); k <= Math.floor(last / PAGE_SIZE); k++) fetchPage(k);
    },
    [fetchPage],
  );

  const rowCount = state.end ? state.end.page * PAGE_SIZE + state.end.length : state.cursors.length * PAGE_SIZE;
  const entryAt = (index: number) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  return { rowCount, ended: state.end !== null, entryAt, ensure, loading, error };
}

function fresh(startAfterSeq: number): State {
  return { cursors: [startAfterSeq], end: null, pages: new Map() };
}
