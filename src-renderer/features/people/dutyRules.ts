/**
 * 三员分立 in the form: once one of administrator / custodian / auditor is chosen, the other two are
 * offered disabled. Main refuses the combination anyway (`person.dutyConflict`); this shows the rule.
 */
import { DUTIES, SEPARATED_DUTIES, type Duty } from '../../../src-main/contract/people';

export function dutyDisabled(duty: Duty, chosen: readonly Duty[]): boolean {
  if (!SEPARATED_DUTIES.includes(duty) || chosen.includes(duty)) return false;
  return chosen.some((other) => SEPARATED_DUTIES.includes(other));
}

export function dutiesInOrder(chosen: readonly Duty[]): Duty[] {
  return DUTIES.filter((duty) => chosen.includes(duty));
}
