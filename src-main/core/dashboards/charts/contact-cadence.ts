/**
 * Department managers (the general manager: every department): key persons whose contact cadence
 * is met, due or overdue this period, by class (seed 004 服务标准), from the due tables issue 17
 * keeps (`due_key_persons`), the same rule as `due:compliance`.
 */
import { CONTACT_CLASSES } from '../../../contract/dossiers';
import { periodOf } from '../../due/cadence';
import { dateIn } from '../../due/calendar-dates';
import { ownDepartment, type ChartDefinition } from '../chart';

export const contactCadence: ChartDefinition = {
  id: 'contact-cadence',
  audience: 'department-manager',
  scope: ownDepartment,
  compute({ db, now, settings, department }) {
    const today = dateIn(now, settings.timeZone);
    const counts = CONTACT_CLASSES.map((contactClass) => {
      const period = periodOf(contactClass, today);
      return db
        .prepare(
          `SELECT count(*) AS total, coalesce(sum(k.met_until >= :end), 0) AS met,
                  coalesce(sum(k.met_until >= :start AND k.met_until < :end), 0) AS due,
                  coalesce(sum(k.met_until IS NULL OR k.met_until < :start), 0) AS overdue
           FROM due_key_persons k JOIN people p ON p.id = k.responsible_id
           WHERE k.contact_class = :contactClass AND (:department IS NULL OR p.department = :department)`,
        )
        .get({ end: period.end, start: period.start, contactClass, department }) as { total: number; met: number; due: number; overdue: number };
    });
    return {
      kind: 'bar',
      categoryKind: 'code',
      categories: [...CONTACT_CLASSES],
      series: [
        { key: 'met', values: counts.map((c) => c.met) },
        { key: 'due', values: counts.map((c) => c.due) },
        { key: 'overdueContacts', values: counts.map((c) => c.overdue) },
      ],
      noData: counts.every((c) => c.total === 0),
    };
  },
};
