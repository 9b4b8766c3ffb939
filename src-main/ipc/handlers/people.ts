/** people:* and departments:* — the administrator's work; the core refuses everyone else. */
import * as people from '../../core/people/service';
import * as resets from '../../core/people/resets';
import { open, type DomainHandlers } from './context';

export const peopleHandlers: DomainHandlers<'people'> = {
  'people:list': async (_input, ctx) => people.listPeople(open(ctx)),
  'people:add': async (input, ctx) => people.addPerson(open(ctx), input),
  'people:disable': async (input, ctx) => people.disablePerson(open(ctx), input.login),
  'people:setDuties': async (input, ctx) => people.setDuties(open(ctx), input),
  'people:resetPassword': async (input, ctx) => resets.requestPasswordReset(open(ctx), input.login),
  'people:changeOwnPassword': async (input, ctx) => {
    await people.changeOwnPassword(open(ctx), input.password);
    return { done: true };
  },
  'people:resetPending': async (_input, ctx) => resets.pendingResets(open(ctx)),
  'people:resetApprove': async (input, ctx) => resets.approvePasswordReset(open(ctx), input.login),
};

export const departmentHandlers: DomainHandlers<'departments'> = {
  'departments:list': async (_input, ctx) => people.listDepartments(open(ctx)),
  'departments:add': async (input, ctx) => people.addDepartment(open(ctx), input),
};
