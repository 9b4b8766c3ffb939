/** due:* — the signed-in person's due list and a department's contact-cadence compliance (issue 17). */
import { cadenceCompliance, listDue } from '../../core/due/service';
import { open, type DomainHandlers } from './context';

export const dueHandlers: DomainHandlers<'due'> = {
  'due:list': async (input, ctx) => listDue(open(ctx), input),
  'due:compliance': async (input, ctx) => cadenceCompliance(open(ctx), input),
};
