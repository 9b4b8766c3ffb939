/**
 * Copies what the due list needs out of a dossier's content at every save (migration 0220): key
 * persons with their cadence class, birthday and cadence state; contact records (who, when, which
 * callback they answer); celebrations. The content stays the only truth; these rows are
 * rewritten from it in the save's own transaction.
 */
import { createHash } from 'node:crypto';
import type { ContactClass, DossierContent } from '../../contract/dossiers';
import type { Db } from '../db/connection';
import { stmt } from '../dossiers/statements';
import { readSettings } from '../settings/service';
import { dateIn } from './calendar-dates';
import { metUntil, type CadenceRules } from './cadence';

export interface RelationshipRules {
  cadence: CadenceRules;
  timeZone: string;
}

// Read at most every few seconds per connection: a batch of thousands of dossiers would parse the
// settings for each. Another connection (the archive server's) may change them: hence the expiry.
const rulesOf = new WeakMap<Db, { rules: RelationshipRules; at: number }>();
const RULES_FOR_MS = 2000;

export function cadenceRulesOf(db: Db): RelationshipRules {
  const cached = rulesOf.get(db);
  if (cached && Date.now() - cached.at < RULES_FOR_MS) return cached.rules;
  const s = readSettings(db);
  const rules = { cadence: s.contactCadence, timeZone: s.timeZone };
  rulesOf.set(db, { rules, at: Date.now() });
  return rules;
}

/** The settings changed: read them again at the next save. */
export function forgetRules(db: Db): void {
  rulesOf.delete(db);
}

/**
 * A key person's stable name on the due list that does not spell their name: the name is content
 * (rule 3), and a due item's key is shown to people who may not read it.
 */
export function personToken(dossierId: number, name: string): string {
  return createHash('sha256').update(`${dossierId}\n${name.trim()}`, 'utf8').digest('hex').slice(0, 16);
}

export interface RelationshipSave {
  dossierId: number;
  responsibleId: string | null;
  content: DossierContent;
  /** When the save happens (ISO 8601): a key person not seen before is first seen then. */
  at: string;
}

export function refreshRelationships(db: Db, save: RelationshipSave, rules: RelationshipRules = cadenceRulesOf(db)): void {
  const { dossierId, content } = save;
  const firstSeen = new Map(
    (stmt(db, 'SELECT name, first_seen FROM due_key_persons WHERE dossier_id = ?').all(dossierId) as { name: string; first_seen: string }[]).map((r) => [
      r.name,
      r.first_seen,
    ]),
  );
  stmt(db, 'DELETE FROM due_key_persons WHERE dossier_id = ?').run(dossierId);
  stmt(db, 'DELETE FROM due_contacts WHERE dossier_id = ?').run(dossierId);
  stmt(db, 'DELETE FROM due_celebrations WHERE dossier_id = ?').run(dossierId);

  const contacts = content.contactRecords ?? [];
  // A contact recorded from the due list names its item, not the person (a writer may not read the
  // name): the item's key carries the person's token.
  const byToken = new Map((content.keyPersons ?? []).map((p) => [personToken(dossierId, p.name), p.name.trim()]));
  const datesOf = new Map<string, string[]>();
  const insertContact = stmt(db, 'INSERT INTO due_contacts (dossier_id, position, person, date, answers) VALUES (?, ?, ?, ?, ?)');
  contacts.forEach((c, i) => {
    const answers = c.answers?.trim() || null;
    const token = answers ? /^(?:contact|birthday):[^:]+:([0-9a-f]{16}):/.exec(answers)?.[1] : undefined;
    const person = (c.person ?? '').trim() || (token ? (byToken.get(token) ?? '') : '');
    insertContact.run(dossierId, i, person, c.date, answers);
    if (person) datesOf.set(person, [...(datesOf.get(person) ?? []), c.date]);
  });

  const today = dateIn(new Date(save.at), rules.timeZone);
  const insertPerson = stmt(
    db,
    `INSERT OR IGNORE INTO due_key_persons (dossier_id, name, token, responsible_id, contact_class, birthday_md, first_seen, met_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of content.keyPersons ?? []) {
    const name = p.name.trim();
    const seen = firstSeen.get(name) ?? today;
    const cls: ContactClass | null = p.contactClass ?? null;
    const met = cls ? metUntil(cls, rules.cadence, datesOf.get(name) ?? [], seen) : null;
    const birthday = p.birthday ? p.birthday.slice(5) : null;
    insertPerson.run(dossierId, name, personToken(dossierId, name), save.responsibleId, cls, birthday, seen, met);
  }

  const insertCelebration = stmt(
    db,
    'INSERT INTO due_celebrations (dossier_id, position, responsible_id, date, md, kind, title, celebration_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  (content.celebrations ?? []).forEach((c, i) =>
    insertCelebration.run(dossierId, i, save.responsibleId, c.date, c.date.slice(5), c.kind, c.title ?? '', c.id ?? null),
  );
}

/** After the cadence numbers change: every classified key person's state under the new rules. */
export function recomputeCadence(db: Db): void {
  forgetRules(db);
  const rules = cadenceRulesOf(db);
  const rows = db.prepare('SELECT dossier_id, name, contact_class, first_seen FROM due_key_persons WHERE contact_class IS NOT NULL').all() as {
    dossier_id: number;
    name: string;
    contact_class: ContactClass;
    first_seen: string;
  }[];
  const dates = stmt(db, 'SELECT date FROM due_contacts WHERE dossier_id = ? AND person = ?').pluck();
  const update = stmt(db, 'UPDATE due_key_persons SET met_until = ? WHERE dossier_id = ? AND name = ?');
  for (const r of rows) update.run(metUntil(r.contact_class, rules.cadence, dates.all(r.dossier_id, r.name) as string[], r.first_seen), r.dossier_id, r.name);
}
