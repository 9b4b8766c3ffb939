/**
 * cards:*, loans:*, register:*, notifications:* — borrowing. Each handler translates a validated
 * request into one core call; the core decides (policy/borrowing.ts) and journals, and the actor is
 * always the session's person. The register export asks main's save dialog for the path.
 */
import { searchCatalogue } from '../../core/dossiers/catalogue';
import * as loans from '../../core/loans/service';
import { open, type DomainHandlers } from './context';

export const cardHandlers: DomainHandlers<'cards'> = {
  'cards:file': async (input, ctx) => loans.fileCard(open(ctx), input),
  'cards:approve': async (input, ctx) => loans.approveCard(open(ctx), input),
  'cards:reject': async (input, ctx) => loans.rejectCard(open(ctx), input),
  'cards:cancel': async (input, ctx) => loans.cancelCard(open(ctx), input),
  'cards:pending': async (_input, ctx) => loans.pendingApprovals(open(ctx)),
  'cards:history': async (input, ctx) => loans.borrowerHistory(open(ctx), input),
  // Only filed dossiers can be borrowed; a short page is enough to pick from.
  'cards:findCopies': async (input, ctx) => searchCatalogue(open(ctx), { ...(input.text ? { text: input.text } : {}), status: 'filed', limit: 20 }),
};

export const loanHandlers: DomainHandlers<'loans'> = {
  'loans:list': async (input, ctx) => loans.listLoans(open(ctx), input),
  'loans:renew': async (input, ctx) => loans.requestRenewal(open(ctx), input),
  'loans:recall': async (input, ctx) => loans.recallLoan(open(ctx), input),
  'loans:return': async (input, ctx) => loans.returnLoan(open(ctx), input),
  'loans:lost': async (input, ctx) => loans.recordLoanLost(open(ctx), input),
  'loans:read': async (input, ctx) => loans.readDossier(open(ctx), input),
  'loans:print': async (input, ctx) => loans.printLoan(open(ctx), input),
  'loans:copyOut': async (input, ctx) => loans.copyOutLoan(open(ctx), input),
};

function registerFileName(department: string, now: Date): string {
  // register-sales-20260105.csv: sortable, nothing a file system refuses.
  return `register-${department.replace(/[^A-Za-z0-9_-]/g, '_')}-${now.toISOString().slice(0, 10).replace(/-/g, '')}.csv`;
}

export const registerHandlers: DomainHandlers<'register'> = {
  'register:search': async (input, ctx) => loans.searchRegister(open(ctx), input),
  'register:export': async (input, ctx) => {
    // The core decides first; only then is the save dialog shown (someone refused never sees one).
    const chooseOut = () => ctx.chooseSaveFile(registerFileName(input.department, ctx.now()), [{ name: 'CSV', extensions: ['csv'] }]);
    return loans.exportRegisterChoosing(open(ctx), input, chooseOut);
  },
};

export const notificationHandlers: DomainHandlers<'notifications'> = {
  'notifications:list': async (input, ctx) => loans.listNotifications(open(ctx), input),
  'notifications:read': async (input, ctx) => {
    await loans.markNotificationRead(open(ctx), input);
    return { done: true };
  },
};
