/**
 * Each celebration keeps an id of its own (issue 17 point 2): a callback's key names it, so a
 * contact record that answers the callback still answers it after the list is edited (an entry
 * removed above it, the list reordered). Ids are kept from the stored list; a client that drops
 * them (an older form, the CLI) gets back the id of the unchanged entry it resent.
 */
import { randomBytes } from 'node:crypto';
import type { DossierContent } from '../../contract/dossiers';

type Celebration = NonNullable<DossierContent['celebrations']>[number];

const sameEntry = (a: Celebration, b: Celebration) => a.date === b.date && a.kind === b.kind && (a.title ?? '') === (b.title ?? '');

export function newCelebrationId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = randomBytes(4).toString('hex');
    if (!taken.has(id)) return id;
  }
}

/** The list with every entry carrying an id unique within it; `before` is the stored list. */
export function withCelebrationIds(before: readonly Celebration[] | undefined, list: readonly Celebration[] | undefined): Celebration[] | undefined {
  if (!list) return undefined;
  const taken = new Set<string>();
  const kept = list.map((c) => (c.id && !taken.has(c.id) ? (taken.add(c.id), c.id) : undefined));
  // Unclaimed stored entries, for entries resent without their id.
  const spare = (before ?? []).filter((b) => b.id && !taken.has(b.id));
  return list.map((c, i) => {
    let id = kept[i];
    if (!id) {
      const match = spare.findIndex((b) => sameEntry(b, c) && !taken.has(b.id!));
      id = match >= 0 ? spare.splice(match, 1)[0]!.id! : newCelebrationId(taken);
      taken.add(id);
    }
    return { ...c, id };
  });
}

/** The content with ids on its celebrations (unchanged when it has none). */
export function stampCelebrations(before: DossierContent | undefined, content: DossierContent): DossierContent {
  if (!content.celebrations) return content;
  return { ...content, celebrations: withCelebrationIds(before?.celebrations, content.celebrations) };
}
