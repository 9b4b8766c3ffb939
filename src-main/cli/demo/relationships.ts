/**
 * The demo's relationship work (issue 17): key persons with a contact-cadence class and a
 * birthday, recent contact records (most customers on schedule, some not), and anniversaries, so
 * the due lists and the compliance table have something true to show. Drawn from its own random
 * sequence, so the rest of a demo archive stays what the same seed always gave.
 */
import type { ContactClass, NewDossier } from '../../contract/dossiers';
import { personName, pickFrom, type Rng } from './data';

const DAY = 86_400_000;
const TITLES = ['总经理', '副总经理', '采购总监', '采购经理', '财务经理', '技术总监', '办公室主任', '项目经理'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function birthday(rng: Rng): string {
  return `${1960 + Math.floor(rng() * 35)}-${pad(1 + Math.floor(rng() * 12))}-${pad(1 + Math.floor(rng() * 28))}`;
}

/** Core principal for an important customer, then an influencer and a non-core principal; the rest unclassified. */
function classOf(position: number, grade: string | undefined): ContactClass | undefined {
  if (position === 0) return grade === 'A' ? 'core' : 'nonCore';
  if (position === 1) return 'influencer';
  if (position === 2) return 'nonCore';
  return undefined;
}

/** Days back of the contacts a person of this class had lately: usually enough, sometimes not. */
function contactDays(rng: Rng, contactClass: ContactClass): number[] {
  const onSchedule = rng() < 0.8;
  switch (contactClass) {
    case 'core':
      return onSchedule ? [Math.floor(rng() * 3), 7 + Math.floor(rng() * 3)] : [14 + Math.floor(rng() * 7)];
    case 'influencer':
      return onSchedule ? [Math.floor(rng() * 5), 6 + Math.floor(rng() * 5), 35] : [20 + Math.floor(rng() * 20)];
    case 'nonCore':
      return onSchedule ? [Math.floor(rng() * 10)] : [40 + Math.floor(rng() * 20)];
  }
}

/**
 * Adds the relationship work to a demo dossier. `keyPersons`, when given, is how many key persons
 * it has (the benchmark archive has 20 each); otherwise the dossier keeps its own.
 */
export function withRelationships(rng: Rng, dossier: NewDossier, now: Date, createdAt: Date, keyPersons?: number): NewDossier {
  const persons = keyPersons
    ? Array.from({ length: keyPersons }, () => ({ name: personName(rng), title: pickFrom(rng, TITLES) }))
    : [...(dossier.keyPersons ?? [])];
  const seen = new Set<string>();
  const grade = dossier.classification?.grade;
  const contacts: NonNullable<NewDossier['contactRecords']> = [];
  const people = persons
    .filter((p) => !seen.has(p.name) && seen.add(p.name))
    .map((p, i) => {
      const contactClass = classOf(i, grade);
      if (!contactClass) return p;
      for (const days of contactDays(rng, contactClass)) {
        const at = now.getTime() - days * DAY;
        if (at >= createdAt.getTime()) contacts.push({ date: iso(at), person: p.name, topic: pickFrom(rng, ['电话沟通', '上门拜访', '微信交流', '需求确认']) });
      }
      return { ...p, contactClass, birthday: birthday(rng) };
    });
  contacts.sort((a, b) => a.date.localeCompare(b.date));
  const anniversary =
    rng() < 0.3 ? [{ date: iso(createdAt.getTime() - Math.floor(rng() * 3650) * DAY), kind: 'anniversary' as const, title: '公司成立周年' }] : [];
  return {
    ...dossier,
    keyPersons: people,
    ...(contacts.length ? { contactRecords: contacts } : {}),
    ...(anniversary.length ? { celebrations: anniversary } : {}),
  };
}
