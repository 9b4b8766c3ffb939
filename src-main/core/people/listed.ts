/**
 * The people list's rows as the viewer may act on them: each row says what the core would allow,
 * so the people table greys its buttons from these booleans and restates no rule.
 */
import type { ListedPerson } from '../../contract/people';
import type { Actor } from '../policy/actor';
import { can } from '../policy';
import type { PersonRecord } from './repository';
import { toView } from './repository';
import { factsOf } from './reset-facts';

export function listedFor(actor: Actor, person: PersonRecord): ListedPerson {
  return {
    ...toView(person),
    // A disabled account is refused by the request itself (person.disabled), after the decision.
    mayRequestReset: !person.disabled && can(actor, 'person.resetRequest', { reset: factsOf(person) }).allowed,
  };
}
