/** The due list's sources as the due-list operation calls them, for tests of the items they produce. */
import type { DueItem } from '../../src-main/contract/due';
import { DUE_SOURCES } from '../../src-main/core/due/sources';
import type { Session } from '../../src-main/core/session';

export function collectDue(session: Session): DueItem[] {
  const now = session.archive.clock.now();
  return DUE_SOURCES.flatMap((source) => source({ archive: session.archive, actor: session.actor, now })).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
