/**
 * Borrowing (借阅): one entry point for the IPC router and the CLI. Each function is a journaled
 * operation through `session.perform`; the pieces live in files with one job each.
 */
export { approveCard, cancelCard, fileCard, rejectCard } from './cards';
export { pendingApprovals } from './approvals';
export { recallLoan, recordLoanLost, requestRenewal, returnLoan } from './lifecycle';
export { copyOutLoan, printLoan, readDossier } from './reading';
export { borrowerHistory, flaggedPeople, listIncidents, listLoans, listNotifications, markNotificationRead } from './queries';
export { exportRegister, exportRegisterChoosing, registerCsv, searchRegister } from './register';
