/**
 * The names behind `window.triplicate`: which channel each API function calls and which event each
 * subscription listens to. The preload and the e2e bridge build the API from these tables alone.
 *
 * Plain strings and nothing else (no zod, no schemas): the sandboxed preload bundles whatever it
 * imports and runs it before the page's first script. Built from ipc.ts, it would carry zod and
 * every request schema, evaluated before it could even ask main for app:info. The router still checks every request against the schemas in ipc*.ts, and the types
 * below tie every name to a channel that has one.
 */
import type { Channel, EventChannel } from './ipc';
import type { DOSSIER_REQUESTS } from './ipc-dossiers';
import type { JOURNAL_REQUESTS } from './ipc-journal';
import type { LOAN_REQUESTS } from './ipc-loans';
import type { LIFECYCLE_REQUESTS } from './ipc-lifecycle';
import type { READER_REQUESTS } from './ipc-reader';
import type { PRINT_REQUESTS } from './ipc-print';
import type { DUE_REQUESTS } from './ipc-due';
import type { VISIT_PLAN_REQUESTS } from './ipc-visits-plans';
import type { RELATIONS_REQUESTS } from './ipc-relations';
import type { SERVER_REQUESTS } from './ipc-server';
import type { ANALYTICS_REQUESTS } from './ipc-analytics';
import type { LEAD_REQUESTS } from './ipc-leads';

const CORE_API_CHANNELS = {
  app: { info: 'app:info', setLocale: 'app:setLocale', chooseFolder: 'app:chooseFolder', forgetArchive: 'app:forgetArchive' },
  archive: { create: 'archive:create' },
  session: { unlock: 'session:unlock', lock: 'session:lock', current: 'session:current' },
  people: {
    list: 'people:list',
    add: 'people:add',
    disable: 'people:disable',
    setDuties: 'people:setDuties',
    resetPassword: 'people:resetPassword',
    changeOwnPassword: 'people:changeOwnPassword',
    resetPending: 'people:resetPending',
    resetApprove: 'people:resetApprove',
  },
  departments: { list: 'departments:list', add: 'departments:add' },
  vault: { rekey: 'vault:rekey' },
  settings: { get: 'settings:get', update: 'settings:update' },
} as const satisfies Record<string, Record<string, Channel>>;

/** window.triplicate.<domain>.<function> → channel, for the dossier feature. */
export const DOSSIER_API = {
  dossiers: {
    search: 'dossiers:search',
    create: 'dossiers:create',
    update: 'dossiers:update',
    file: 'dossiers:file',
    open: 'dossiers:open',
    revision: 'dossiers:revision',
  },
  copies: { list: 'copies:list', reissue: 'copies:reissue', lost: 'copies:lost', sheet: 'copies:sheet' },
  reviews: { list: 'reviews:list', noChange: 'reviews:noChange' },
} as const satisfies Record<string, Record<string, keyof typeof DOSSIER_REQUESTS>>;

/** The same for borrowing. */
export const LOAN_API = {
  cards: {
    file: 'cards:file',
    approve: 'cards:approve',
    reject: 'cards:reject',
    cancel: 'cards:cancel',
    pending: 'cards:pending',
    history: 'cards:history',
    findCopies: 'cards:findCopies',
  },
  loans: {
    list: 'loans:list',
    renew: 'loans:renew',
    recall: 'loans:recall',
    return: 'loans:return',
    lost: 'loans:lost',
    read: 'loans:read',
    print: 'loans:print',
    copyOut: 'loans:copyOut',
  },
  register: { search: 'register:search', export: 'register:export' },
  notifications: { list: 'notifications:list', read: 'notifications:read' },
  offline: {
    issue: 'offline:issue',
    return: 'offline:return',
    revocations: 'offline:revocations',
    revoke: 'offline:revoke',
    revocationList: 'offline:revocationList',
  },
} as const satisfies Record<string, Record<string, keyof typeof LOAN_REQUESTS>>;

/** The same for the journal and the audit reports. */
export const JOURNAL_API = {
  journal: {
    read: 'journal:read',
    verify: 'journal:verify',
    status: 'journal:status',
    export: 'journal:export',
    cancelExport: 'journal:cancelExport',
  },
  reports: {
    whoOpened: 'reports:whoOpened',
    openedBy: 'reports:openedBy',
    refused: 'reports:refused',
    outsideHours: 'reports:outsideHours',
    overdueLoans: 'reports:overdueLoans',
  },
} as const satisfies Record<string, Record<string, keyof typeof JOURNAL_REQUESTS>>;

/** The same for the records lifecycle (issue 16). */
export const LIFECYCLE_API = {
  backup: { run: 'backup:run', status: 'backup:status' },
  holds: { list: 'holds:list', set: 'holds:set', release: 'holds:release' },
  destruction: {
    list: 'destruction:list',
    request: 'destruction:request',
    requestBulk: 'destruction:requestBulk',
    approve: 'destruction:approve',
    reject: 'destruction:reject',
    record: 'destruction:record',
    exportRecord: 'destruction:exportRecord',
  },
  personnel: { suspend: 'personnel:suspend', lift: 'personnel:lift', suspensions: 'personnel:suspensions', change: 'personnel:change' },
  incidents: { record: 'incidents:record', register: 'incidents:register', open: 'incidents:open', flagged: 'incidents:flagged' },
  handover: { start: 'handover:start', sign: 'handover:sign', list: 'handover:list', orphans: 'handover:orphans' },
  retention: { due: 'retention:due', decide: 'retention:decide' },
} as const satisfies Record<string, Record<string, keyof typeof LIFECYCLE_REQUESTS>>;

/** The offline reader on a laptop: no archive needed (issue 15). */
export const READER_API = {
  reader: {
    choose: 'reader:choose',
    drop: 'reader:drop',
    open: 'reader:open',
    show: 'reader:show',
    print: 'reader:print',
    close: 'reader:close',
    revocations: 'reader:revocations',
    status: 'reader:status',
    waiting: 'reader:waiting',
    fetchRevocations: 'reader:fetchRevocations',
  },
} as const satisfies Record<string, Record<string, keyof typeof READER_REQUESTS>>;

/** A printout saved as PDF (issue 19). */
export const PRINT_API = {
  print: { pdf: 'print:pdf' },
} as const satisfies Record<string, Record<string, keyof typeof PRINT_REQUESTS>>;

/** The one due list and contact-cadence compliance (issue 17). */
export const DUE_API = {
  due: { list: 'due:list', compliance: 'due:compliance' },
} as const satisfies Record<string, Record<string, keyof typeof DUE_REQUESTS>>;

/** The same for daily visit reports and yearly maintenance plans (issue 17 points 3 and 4). */
export const VISIT_PLAN_API = {
  visits: { file: 'visits:file', list: 'visits:list', open: 'visits:open', comment: 'visits:comment', spotCheck: 'visits:spotCheck' },
  plans: { save: 'plans:save', ofDossier: 'plans:ofDossier', list: 'plans:list', approve: 'plans:approve', reject: 'plans:reject' },
} as const satisfies Record<string, Record<string, keyof typeof VISIT_PLAN_REQUESTS>>;

/** Surveys, complaints and re-grading (issue 17, points 5–7). */
export const RELATIONS_API = {
  relations: {
    dossier: 'relations:dossier',
    register: 'relations:register',
    survey: 'relations:survey',
    satisfaction: 'relations:satisfaction',
    followUps: 'relations:followUps',
    closeFollowUp: 'relations:closeFollowUp',
    complaint: 'relations:complaint',
    complaints: 'relations:complaints',
    complaintStep: 'relations:complaintStep',
    regrade: 'relations:regrade',
  },
} as const satisfies Record<string, Record<string, keyof typeof RELATIONS_REQUESTS>>;

/** The desktop app as a workstation of an archive server (issue 14). */
export const SERVER_API = {
  server: { signIn: 'server:signIn', recent: 'server:recent', forget: 'server:forget' },
} as const satisfies Record<string, Record<string, keyof typeof SERVER_REQUESTS>>;

/** The information analyst and the dashboards' charts (issue 18). */
export const ANALYTICS_API = {
  analytics: { query: 'analytics:query' },
  dashboards: { list: 'dashboards:list', chart: 'dashboards:chart' },
} as const satisfies Record<string, Record<string, keyof typeof ANALYTICS_REQUESTS>>;

/** The same for lead intake (issue 18 point 1). */
export const LEAD_API = {
  leads: {
    report: 'leads:report',
    list: 'leads:list',
    check: 'leads:check',
    merge: 'leads:merge',
    project: 'leads:project',
    deliver: 'leads:deliver',
    dossier: 'leads:dossier',
    publication: 'leads:publication',
    conversion: 'leads:conversion',
  },
} as const satisfies Record<string, Record<string, keyof typeof LEAD_REQUESTS>>;

/** Which channel each API function calls. */
export const API_CHANNELS = {
  ...CORE_API_CHANNELS,
  ...DOSSIER_API,
  ...LOAN_API,
  ...JOURNAL_API,
  ...LIFECYCLE_API,
  ...READER_API,
  ...PRINT_API,
  ...DUE_API,
  ...VISIT_PLAN_API,
  ...RELATIONS_API,
  ...SERVER_API,
  ...ANALYTICS_API,
  ...LEAD_API,
} as const;

/** Which event each subscription listens to. */
export const API_EVENTS = {
  session: { onLocked: 'event:locked' },
  vault: { onRekeyProgress: 'event:rekeyProgress' },
  journal: { onExportProgress: 'event:exportProgress' },
  backup: { onProgress: 'event:backupProgress' },
  reader: { onClosed: 'event:readerClosed', onWaiting: 'event:packageWaiting' },
  server: { onLost: 'event:serverLost' },
} as const satisfies Record<string, Record<string, EventChannel>>;
