/**
 * The IPC contract between renderer and main: channel names (`domain:verb`), the schema of every
 * request, and the typed API the preload exposes as `window.triplicate`.
 *
 * Runs anywhere (zod only). The renderer imports types and schemas from here and nothing from Node.
 * No request carries an identity: the acting person is whoever unlocked the archive in main.
 */
import { z } from 'zod';
import { text } from './text';
import type { ErrorInfo } from './errors';
import type { Locale } from './messages';
import { DUTIES, loginSchema, newDepartmentSchema, newPersonSchema, passwordSchema, personNameSchema, RANKS } from './people';
import type { ActorView, ApprovedResetView, DepartmentView, ListedPerson, PendingResetView, ResetNotice, ResetRequestView } from './people';
import { settingsUpdateSchema, type ArchiveSettings } from './settings';
import type { DOSSIER_API, JOURNAL_API, LIFECYCLE_API, LOAN_API } from './api-channels';
import { DOSSIER_REQUESTS, type DossierResponses } from './ipc-dossiers';
import { JOURNAL_REQUESTS, type ExportProgressEvent, type JournalResponses } from './ipc-journal';
import { LOAN_REQUESTS, type LoanResponses } from './ipc-loans';
import { LIFECYCLE_REQUESTS, type BackupProgressEvent, type LifecycleResponses } from './ipc-lifecycle';
import type { READER_API } from './api-channels';
import { READER_REQUESTS, type ReaderEnd, type ReaderResponses } from './ipc-reader';
import type { PRINT_API } from './api-channels';
import { PRINT_REQUESTS, type PrintResponses } from './ipc-print';
import type { DUE_API } from './api-channels';
import { DUE_REQUESTS, type DueResponses } from './ipc-due';
import type { VISIT_PLAN_API } from './api-channels';
import { VISIT_PLAN_REQUESTS, type VisitPlanResponses } from './ipc-visits-plans';
import type { RELATIONS_API } from './api-channels';
import { RELATIONS_REQUESTS, type RelationsResponses } from './ipc-relations';
import type { SERVER_API } from './api-channels';
import { SERVER_REQUESTS, type ServerLostReason, type ServerResponses } from './ipc-server';
import type { ANALYTICS_API } from './api-channels';
import { ANALYTICS_REQUESTS, type AnalyticsResponses } from './ipc-analytics';
import type { LEAD_API } from './api-channels';
import { LEAD_REQUESTS, type LeadResponses } from './ipc-leads';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

const folderSchema = text().min(1).max(4096);
const empty = z.object({}).strict();

/** The archive's own channels; features add theirs in ipc-<feature>.ts. */
const CORE_REQUESTS = {
  'app:info': empty,
  'app:setLocale': z.object({ locale: z.enum(['zh-CN', 'en']) }).strict(),
  'app:chooseFolder': z.object({ purpose: z.enum(['create', 'open']) }).strict(),
  'app:forgetArchive': z.object({ folder: folderSchema }).strict(),
  'archive:create': z.object({ folder: folderSchema, adminLogin: loginSchema, adminName: personNameSchema, password: passwordSchema }).strict(),
  'session:unlock': z
    .object({ folder: folderSchema, login: text().trim().min(1).max(64), password: passwordSchema, newPassword: passwordSchema.optional() })
    .strict(),
  'session:lock': empty,
  'session:current': empty,
  'people:list': empty,
  'people:add': newPersonSchema.strict(),
  'people:disable': z.object({ login: loginSchema }).strict(),
  'people:setDuties': z.object({ login: loginSchema, duties: z.array(z.enum(DUTIES)).max(DUTIES.length) }).strict(),
  /** Asks for a reset that a second person approves (issue 11, point 5); no password in it. */
  'people:resetPassword': z.object({ login: loginSchema }).strict(),
  'people:changeOwnPassword': z.object({ password: passwordSchema }).strict(),
  'departments:list': empty,
  'departments:add': newDepartmentSchema.strict(),
  'vault:rekey': empty,
  'settings:get': empty,
  'settings:update': settingsUpdateSchema,
  'people:resetPending': empty,
  'people:resetApprove': z.object({ login: loginSchema }).strict(),
} as const;

/** Every invocable channel with its request schema. */
export const REQUESTS = {
  ...CORE_REQUESTS,
  ...DOSSIER_REQUESTS,
  ...LOAN_REQUESTS,
  ...JOURNAL_REQUESTS,
  ...LIFECYCLE_REQUESTS,
  ...READER_REQUESTS,
  ...PRINT_REQUESTS,
  ...DUE_REQUESTS,
  ...VISIT_PLAN_REQUESTS,
  ...RELATIONS_REQUESTS,
  ...SERVER_REQUESTS,
  ...ANALYTICS_REQUESTS,
  ...LEAD_REQUESTS,
} as const;

export type Channel = keyof typeof REQUESTS;
export const CHANNELS = Object.keys(REQUESTS) as Channel[];
export type Request<C extends Channel> = z.input<(typeof REQUESTS)[C]>;

export interface RecentArchive {
  folder: string;
  lastOpenedAt: string;
}

export interface AppInfo {
  version: string;
  locale: Locale;
  recentArchives: RecentArchive[];
  /** Whether a session is unlocked right now (the renderer asks after a reload). */
  unlocked: boolean;
  /** The archive server this workstation is signed in to (issue 14), so a reload resumes a server session as one. */
  server?: string;
}

export interface CreatedArchive {
  recoveryKey: string;
  keyFingerprint: string;
  actor: ActorView;
}

/** What each channel answers when it succeeds. */
export interface Responses
  extends
    DossierResponses,
    LoanResponses,
    JournalResponses,
    LifecycleResponses,
    ReaderResponses,
    PrintResponses,
    DueResponses,
    VisitPlanResponses,
    RelationsResponses,
    ServerResponses,
    AnalyticsResponses,
    LeadResponses {
  'app:info': AppInfo;
  'app:setLocale': { locale: Locale };
  'app:chooseFolder': { folder: string | null };
  'app:forgetArchive': { recentArchives: RecentArchive[] };
  'archive:create': CreatedArchive;
  'session:unlock': UnlockedView;
  'session:lock': { locked: true };
  'session:current': ActorView | null;
  'people:list': ListedPerson[];
  'people:add': ListedPerson;
  'people:disable': ListedPerson;
  'people:setDuties': ListedPerson;
  'people:resetPassword': ResetRequestView;
  'people:changeOwnPassword': { done: true };
  'departments:list': DepartmentView[];
  'departments:add': DepartmentView;
  'vault:rekey': { epoch: number; slots: number };
  'settings:get': ArchiveSettings;
  'settings:update': ArchiveSettings;
  'people:resetPending': PendingResetView[];
  'people:resetApprove': ApprovedResetView;
}

/** The signed-in person, and when this unlock used a one-time code, who reset the password and when. */
export type UnlockedView = ActorView & { passwordReset?: ResetNotice };

/** Main → renderer notifications. */
export const EVENTS = [
  'event:locked',
  'event:rekeyProgress',
  'event:exportProgress',
  'event:backupProgress',
  'event:readerClosed',
  'event:packageWaiting',
  'event:serverLost',
] as const;
export type EventChannel = (typeof EVENTS)[number];
export interface EventPayloads {
  'event:locked': { reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit' };
  'event:rekeyProgress': { step: 'prepare' | 'rewrite' | 'done' };
  'event:exportProgress': ExportProgressEvent;
  'event:backupProgress': BackupProgressEvent;
  'event:readerClosed': { reason: ReaderEnd };
  'event:packageWaiting': Record<string, never>;
  'event:serverLost': { reason: ServerLostReason };
}

/**
 * `window.triplicate`: named functions only (never a raw ipcRenderer or a generic invoke).
 * Each returns the channel's Result; subscriptions return their unsubscribe function.
 */
export interface CoreApi {
  app: {
    info(): Promise<Result<AppInfo>>;
    setLocale(request: Request<'app:setLocale'>): Promise<Result<Responses['app:setLocale']>>;
    chooseFolder(request: Request<'app:chooseFolder'>): Promise<Result<Responses['app:chooseFolder']>>;
    forgetArchive(request: Request<'app:forgetArchive'>): Promise<Result<Responses['app:forgetArchive']>>;
  };
  archive: {
    create(request: Request<'archive:create'>): Promise<Result<CreatedArchive>>;
  };
  session: {
    unlock(request: Request<'session:unlock'>): Promise<Result<UnlockedView>>;
    lock(): Promise<Result<Responses['session:lock']>>;
    current(): Promise<Result<ActorView | null>>;
    onLocked(listener: (event: EventPayloads['event:locked']) => void): () => void;
  };
  people: {
    list(): Promise<Result<ListedPerson[]>>;
    add(request: Request<'people:add'>): Promise<Result<ListedPerson>>;
    disable(request: Request<'people:disable'>): Promise<Result<ListedPerson>>;
    setDuties(request: Request<'people:setDuties'>): Promise<Result<ListedPerson>>;
    resetPassword(request: Request<'people:resetPassword'>): Promise<Result<Responses['people:resetPassword']>>;
    changeOwnPassword(request: Request<'people:changeOwnPassword'>): Promise<Result<Responses['people:changeOwnPassword']>>;
    resetPending(): Promise<Result<PendingResetView[]>>;
    resetApprove(request: Request<'people:resetApprove'>): Promise<Result<ApprovedResetView>>;
  };
  departments: {
    list(): Promise<Result<DepartmentView[]>>;
    add(request: Request<'departments:add'>): Promise<Result<DepartmentView>>;
  };
  vault: {
    rekey(): Promise<Result<Responses['vault:rekey']>>;
    onRekeyProgress(listener: (event: EventPayloads['event:rekeyProgress']) => void): () => void;
  };
  settings: {
    get(): Promise<Result<ArchiveSettings>>;
    update(request: Request<'settings:update'>): Promise<Result<ArchiveSettings>>;
  };
}

/** A feature's API generated from its channel table: one function per channel. */
type GeneratedApi<T extends Record<string, Record<string, Channel>>> = {
  [D in keyof T]: { [F in keyof T[D]]: (request: Request<T[D][F]>) => Promise<Result<Responses[T[D][F]]>> };
};

/** Subscriptions of the journal feature (the generated API has only request functions). */
export interface JournalEventsApi {
  journal: { onExportProgress(listener: (event: EventPayloads['event:exportProgress']) => void): () => void };
}

/** Subscriptions of the records-lifecycle feature. */
export interface LifecycleEventsApi {
  backup: { onProgress(listener: (event: EventPayloads['event:backupProgress']) => void): () => void };
}

/** The offline reader's subscription, and the one helper a dropped file needs (preload: webUtils). */
export interface ReaderEventsApi {
  reader: {
    onClosed(listener: (event: EventPayloads['event:readerClosed']) => void): () => void;
    /** The system handed the app a package (double-click); `reader.waiting` takes it. */
    onWaiting(listener: (event: EventPayloads['event:packageWaiting']) => void): () => void;
    /** The path of a file dropped on the window; '' when there is none (a browser without a file system). */
    pathOfDropped(file: File): string;
  };
}

/** The workstation's subscription: main lost the archive server (issue 14). */
export interface ServerEventsApi {
  server: { onLost(listener: (event: EventPayloads['event:serverLost']) => void): () => void };
}

export type TriplicateApi = CoreApi &
  GeneratedApi<typeof DOSSIER_API> &
  GeneratedApi<typeof LOAN_API> &
  GeneratedApi<typeof JOURNAL_API> &
  JournalEventsApi &
  GeneratedApi<typeof LIFECYCLE_API> &
  LifecycleEventsApi &
  GeneratedApi<typeof READER_API> &
  ReaderEventsApi &
  GeneratedApi<typeof PRINT_API> &
  GeneratedApi<typeof DUE_API> &
  GeneratedApi<typeof VISIT_PLAN_API> &
  GeneratedApi<typeof RELATIONS_API> &
  GeneratedApi<typeof SERVER_API> &
  ServerEventsApi &
  GeneratedApi<typeof ANALYTICS_API> &
  GeneratedApi<typeof LEAD_API>;

export { RANKS, DUTIES };

// The channel tables live in api-channels.ts (no zod there: the preload imports them alone).
export { API_CHANNELS, API_EVENTS } from './api-channels';
