/**
 * The due list (issue 17 point 8) and contact-cadence compliance (point 1). Everyone signed in
 * may ask for their own due list: each source reads only what the person is responsible for.
 * Compliance per account manager is a department manager's view of their department, and the
 * general manager's of any.
 */
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

export function canSeeCompliance(actor: Actor, department: string | undefined): Decision {
  if (actor.rank === 'general-manager') return allow();
  if (actor.rank === 'department-manager' && department !== undefined && department === actor.department) return allow();
  return deny('denied.notDepartmentManager');
}
