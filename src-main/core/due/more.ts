/**
 * A due list someone can act on: each kind shows its most urgent items, and one item stands for
 * the rest of that kind with their count (`more`), so a person responsible for thousands of
 * customers gets a short list in a few milliseconds instead of every item.
 */
import type { DueItem, DueKind } from '../../contract/due';

/** The most items of one kind the list shows. */
export const DUE_LIMIT_PER_KIND = 100;

export function byDueAt(a: DueItem, b: DueItem): number {
  return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The item standing for `count` more items of its kind, placed where the first of them is due. */
export function moreItem(kind: DueKind, count: number, next: Pick<DueItem, 'dueAt' | 'overdue'>): DueItem {
  return {
    kind,
    key: `more:${kind}`,
    dossierId: null,
    dossierNumber: null,
    customerName: null,
    subject: null,
    dueAt: next.dueAt,
    overdue: next.overdue,
    more: count,
  };
}

/**
 * A source's items capped at `limit`: `total` is how many it has in all (counted in SQL when the
 * source read only the first ones); the rest become one `more` item.
 */
export function capItems(kind: DueKind, items: DueItem[], limit: number, total = items.length): DueItem[] {
  const sorted = [...items].sort(byDueAt);
  const shown = sorted.slice(0, limit);
  const rest = total - shown.length;
  if (rest <= 0) return shown;
  const next = sorted[limit] ?? shown[shown.length - 1] ?? { dueAt: new Date(0).toISOString(), overdue: true };
  return [...shown, moreItem(kind, rest, next)];
}

/**
 * The whole list: every kind capped (a source that already capped brings its own `more` item,
 * whose count the overflow is added to), sorted by when it is due.
 */
export function capPerKind(items: readonly DueItem[], limit: number): DueItem[] {
  const byKind = new Map<DueKind, { shown: DueItem[]; more: DueItem | null }>();
  for (const item of items) {
    const group = byKind.get(item.kind) ?? { shown: [], more: null };
    if (item.more !== undefined) group.more = item;
    else group.shown.push(item);
    byKind.set(item.kind, group);
  }
  const out: DueItem[] = [];
  for (const [kind, group] of byKind) {
    const reported = group.more?.more ?? 0;
    const capped = capItems(kind, group.shown, limit, group.shown.length + reported);
    // The source's own item knows where its unread items fall due when none overflowed here.
    if (group.more && group.shown.length <= limit) capped.splice(capped.length - 1, 1, { ...group.more, more: reported });
    out.push(...capped);
  }
  return out.sort(byDueAt);
}
