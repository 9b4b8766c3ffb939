/**
 * Error codes every layer agrees on. Runs anywhere (main, renderer, CLI): no Node or Electron imports.
 *
 * The core throws `{ code, params }`; the edges (IPC result, CLI stderr, renderer) turn the code into a
 * sentence in the user's language with `errorMessages` below. A code never carries secrets in its params.
 */
export const ERROR_CODES = [
  // Input
  'input.invalid',
  'input.unknownCommand',
  'input.unknownChannel',
  'input.untrustedSender',
  // Vault and files
  'vault.notFound',
  'vault.alreadyExists',
  'vault.foreign',
  'vault.damaged',
  'vault.newerVersion',
  'vault.wrongPassword',
  'vault.throttled',
  'vault.locked',
  'vault.diskFull',
  'vault.ioError',
  // People
  'person.notFound',
  'person.loginTaken',
  'person.disabled',
  'person.dutyConflict',
  'person.custodianNeedsHoldingDepartment',
  'person.lastAdmin',
  'person.self',
  'person.weakPassword',
  'department.notFound',
  'department.exists',
  // Dossiers and copies
  'dossier.notFound',
  'dossier.incomplete',
  'dossier.alreadyFiled',
  'dossier.staleRevision',
  'dossier.notResponsible',
  'dossier.notCollector',
  'dossier.numbersExhausted',
  'dossier.noChange',
  'dossier.notFiled',
  'revision.notFound',
  'copy.notFound',
  'copy.notReissuable',
  'copy.notLosable',
  'catalogue.queryTooShort',
  // Borrowing (借阅卡, loans, holds, incidents)
  'loan.notFound',
  'loan.periodTooLong',
  'loan.copyUnavailable',
  'loan.duplicate',
  'loan.wrongState',
  'loan.alreadyApproved',
  'loan.notActive',
  'loan.renewalUsed',
  'loan.copyOutOff',
  'notification.notFound',
  // Offline packages (离线借阅包)
  'offline.wrongForm',
  'offline.alreadyIssued',
  'offline.weakPassphrase',
  'offline.fileExists',
  'offline.notFound',
  'offline.foreign',
  'offline.tampered',
  'offline.wrongPassphrase',
  'offline.expired',
  'offline.revoked',
  'offline.clockBehind',
  'offline.alreadyReturned',
  'offline.logBroken',
  // Policy refusals
  'denied.notAdmin',
  'denied.notAuditor',
  'denied.noDuty',
  'denied.disabled',
  'denied.notSelf',
  'denied.notWriter',
  'denied.noContentAccess',
  'denied.notCatalogue',
  'denied.notCustodian',
  'denied.notCopyCustodian',
  'denied.rankTooLow',
  'denied.ownCard',
  'denied.notApprover',
  'denied.notBorrower',
  'denied.notManagement',
  // Journal
  'journal.appendOnly',
  'journal.broken',
  // Journal exports (auditors)
  'export.exists',
  'export.notFound',
  'export.foreign',
  'export.cancelled',
  'export.tampered',
  // XLSX past Excel's rows per sheet (issue 19)
  'export.tooManyRows',
  // Anything we did not foresee
  'internal',
  // One opener per archive, local folders, known storage failures (issue 11)
  'vault.inUse',
  'vault.networkFolder',
  'vault.busy',
  'vault.readOnly',
  'vault.keyringChanged',
  // Offline reader on the laptop (issue 15)
  'offline.destroyed',
  'offline.notOpen',
  'offline.readAfterReturn',
  'offline.lateReturn',
  // Records lifecycle (issue 16): backups, legal holds, destruction, suspension, incidents, people change
  'backup.notFound',
  'backup.foreign',
  'backup.tampered',
  'backup.fileExists',
  'backup.newerJournal',
  'backup.otherArchive',
  'backup.notEmpty',
  'backup.headMismatch',
  'hold.notFound',
  'hold.released',
  'denied.legalHold',
  'destruction.notFound',
  'destruction.wrongState',
  'destruction.alreadyRequested',
  'destruction.alreadyDestroyed',
  'denied.suspended',
  'denied.notDepartmentManager',
  'denied.notHoldSetter',
  'denied.notLegalHolder',
  'suspension.already',
  'suspension.none',
  'incident.notFound',
  'person.managerCycle',
  // Password resets with a second person; output paths (issue 11)
  'denied.resetOwnPassword',
  'denied.resetAdminUsesRecovery',
  'denied.resetSecondPerson',
  'denied.notResetApprover',
  'denied.resetNeedsApproval',
  'person.noResetRequested',
  'person.resetCodeAsPassword',
  'vault.newPasswordRequired',
  'output.insideArchive',
  'output.unwritable',
  // The archive server and its workstations (ipc/remote)
  'remote.notSignedIn',
  'remote.unsupported',
  'remote.tooLarge',
  'remote.malformed',
  'remote.rateLimited',
  'remote.certificateChanged',
  'remote.unreachable',
  'remote.outcomeUnknown',
  'remote.alreadyApplied',
  'remote.closing',
  'remote.timeout',
  'remote.certificateUnknown',
  // Printouts saved as PDF (issue 19)
  'print.unavailable',
  'print.failed',
  // Issue 12: the archive is behind what this workstation has seen (an old copy put back, a cut tail)
  'journal.behindAnchor',
  // Daily visit reports and yearly maintenance plans (issue 17 points 3 and 4)
  'denied.notSalesperson',
  'denied.notReportSupervisor',
  'denied.notSpotChecker',
  'denied.notVisitReportReader',
  'denied.notPlanWriter',
  'denied.notPlanApprover',
  'denied.notPlanReader',
  'visitReport.notFound',
  'visitReport.commented',
  'visitReport.future',
  'plan.notFound',
  'plan.noPendingChange',
  'plan.incomplete',
  'plan.noChange',
  'dossier.planMoved',
  // Surveys, complaints and re-grading (issue 17, points 5–7)
  'relations.notFiled',
  'relations.notTransacting',
  'relations.alreadySurveyed',
  'relations.badOwner',
  'relations.followUpNotFound',
  'relations.followUpClosed',
  'relations.complaintNotFound',
  'relations.complaintStep',
  'relations.textRequired',
  // Records lifecycle, issue 16 (s15)
  'denied.copiesOut',
  'denied.dossierArchived',
  // The information analyst, the dashboards and the settings (issue 18)
  'denied.notAnalyst',
  'denied.personalField',
  'denied.groupTooSmall',
  'denied.notChartAudience',
  'chart.unknown',
  'settings.unknownKey',
  'settings.outOfRange',
  'settings.notBoolean',
  'settings.badValue',
  // Lead intake (issue 18 point 1)
  'lead.contactMissing',
  'lead.notFound',
  'lead.notPending',
  'lead.notValid',
  'lead.expired',
  'lead.expiryNotFuture',
  'lead.belowMinimum',
  'lead.mergeSelf',
  'lead.mergeSettled',
  'lead.notProject',
  'lead.badDate',
  'denied.notLeadReporter',
  'denied.notLeadChecker',
  // Issue 14: a returned offline package is a file on the workstation, which the server never reads
  'remote.packageReturnLocal',
  // A reset's one-time code is good for settings.resetCodeHours after its approval
  'person.resetCodeExpired',
  // Dashboard work lists (issue 13 point 2)
  'denied.notCollector',
  'denied.notGeneralManager',
  // The pages of the unlocked app (issue 13 point 2)
  'denied.pageNotForDuty',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

/** What crosses every boundary when something is refused or fails. */
export interface ErrorInfo {
  code: ErrorCode;
  params?: ErrorParams;
  /** The sentence in the user's current language, filled in by main on every IPC result. */
  message?: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
