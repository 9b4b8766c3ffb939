/** Journal entries as other features write them (dossier opens, refusals), appended through the real Journal. */
import type { Session } from '../../src-main/core/session';
import type { ManualClock } from '../../src-main/core/clock';

export interface SeedPerson {
  id: string;
  name: string;
}

/** Appends `dossier.open` and refused entries at known times; returns how many were written. */
export function seedAccess(session: Session, clock: ManualClock, people: SeedPerson[], at = '2026-01-05T01:00:00Z'): number {
  const journal = session.archive.journal;
  clock.set(at);
  let n = 0;
  for (let i = 0; i < 24; i++) {
    const who = people[i % people.length]!;
    journal.append({
      actor: { id: who.id, name: who.name, duty: null },
      event: 'dossier.open',
      object: { type: 'dossier', id: `D-${i % 3}` },
      outcome: i % 5 === 4 ? 'denied' : 'ok',
      reason: i % 5 === 4 ? 'denied.noDuty' : null,
      details: { note: `第${i}次, "quoted", comma, =formula` },
    });
    n++;
    clock.advance(60 * 60 * 1000);
  }
  return n;
}
