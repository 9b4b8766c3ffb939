/** What the reset decisions (`can('person.resetRequest' | 'person.resetApprove')`) know about the person. */
import type { ResetFacts } from '../policy';
import type { PersonRecord } from './repository';

export function factsOf(person: PersonRecord, requestedBy?: string): ResetFacts {
  return {
    person: { id: person.id, department: person.department, rank: person.rank, duties: person.duties, disabled: person.disabled },
    ...(requestedBy ? { requestedBy } : {}),
  };
}
