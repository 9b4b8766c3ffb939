/**
 * Dossiers (客户档案), their copies and the catalogue as every layer sees them, with the schemas the
 * core validates against and the renderer reuses for its forms. Runs anywhere: zod only.
 *
 * A dossier is stored as field groups (the forms of domain.md). Drafts may be incomplete; the ★
 * fields in `REQUIRED_TO_FILE` must be filled before a dossier is filed. The archive number is
 * issued by the core and is deliberately absent from every input schema (`.strict()` refuses it).
 */
import { z } from 'zod';
import { text } from './text';
import { loginSchema } from './people';

/** The ten information channels of the seed policy (客户信息渠道来源, 第六条). */
export const SOURCE_CHANNELS = [
  'web-news', // 企业网站、新闻报道、行业评论
  'authoritative-data', // 权威统计和分析
  'professional-sites', // 专业网站
  'exhibitions', // 展览
  'existing-customers', // 老客户
  'competitors', // 竞争对手
  'customer-itself', // 客户企业
  'market-survey', // 市场考察
  'conferences', // 会议与论坛
  'professional-agencies', // 专业机构
] as const;

/** A 重要, B 潜力, C 普通 */
export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];
/** potential 潜在, converting 转化中, maintained 维护中, lost 流失 */
export const LIFECYCLE_STAGES = ['potential', 'converting', 'maintained', 'lost'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
/** internal 内部 < secret 秘密 < confidential 机密; marked ★ on every rendering. */
export const SECRECY_LEVELS = ['internal', 'secret', 'confidential'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];
export const DOSSIER_STATUSES = ['draft', 'filed'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
/** in-custody 在库, on-loan 借出, lost 遗失, destroyed 销毁 */
export const COPY_STATES = ['in-custody', 'on-loan', 'lost', 'destroyed'] as const;
export type CopyState = (typeof COPY_STATES)[number];

export const ARCHIVE_NUMBER_PATTERN = /^KH-\d{4}-\d{5}$/;
export const archiveNumberSchema = text().trim().regex(ARCHIVE_NUMBER_PATTERN, 'KH-<year>-<5 digits>');
export const copyNumberSchema = text()
  .trim()
  .regex(/^KH-\d{4}-\d{5}-[A-Z]$/, 'KH-<year>-<5 digits>-<suffix>');

const short = text().trim().max(200);
const long = text().trim().max(20_000);
const date = text().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const basicSchema = z
  .object({
    customerName: text().trim().min(1).max(200),
    creditCode: text().trim().max(18), // 统一社会信用代码
    legalRepresentative: short,
    address: text().trim().max(500),
    postalCode: text().trim().max(12),
    phone: text().trim().max(40),
    fax: text().trim().max(40),
    email: text().trim().max(200),
    website: text().trim().max(300),
    businessScope: long,
    registeredCapital: short,
    industry: text().trim().max(100),
    scale: short,
    customerType: short,
    sourceChannel: z.enum(SOURCE_CHANNELS),
  })
  .partial()
  .strict();

export const classificationSchema = z
  .object({
    grade: z.enum(GRADES),
    lifecycle: z.enum(LIFECYCLE_STAGES),
    secrecy: z.enum(SECRECY_LEVELS),
    /** The responsible account manager, by login; the core checks the rank. */
    responsibleManager: loginSchema,
  })
  .partial()
  .strict();

export const marketSchema = z.object({ industryReport: long, strategicDirection: long, organisation: long }).partial().strict();

/**
 * A key person's place in the contact cadence (seed 004 服务标准): core customer principal
 * (核心大客户主要负责人), influencer of a principal (主要负责人的影响者), non-core principal.
 */
export const CONTACT_CLASSES = ['core', 'influencer', 'nonCore'] as const;
export type ContactClass = (typeof CONTACT_CLASSES)[number];

/** 关键人物 / 联络圈 */
export const keyPersonSchema = z
  .object({
    name: text().trim().min(1).max(100),
    title: short,
    purchaseRole: short,
    relation: short,
    phone: text().trim().max(40),
    email: text().trim().max(200),
    im: text().trim().max(100), // WeChat / QQ
    address: text().trim().max(500),
    birthday: z.union([date, z.literal('')]),
    family: long,
    interests: long,
    notes: long,
    contactClass: z.enum(CONTACT_CLASSES),
  })
  .partial()
  .required({ name: true })
  .strict();

export const purchasingSchema = z.object({ procedure: long, decisionMakers: long, demandPlan: long }).partial().strict();
/** 合作概述 */
export const cooperationSchema = z.object({ contracts: long, projects: long, amounts: long, outcomes: long, evaluation: long }).partial().strict();
export const financeSchema = z.object({ annualPerformance: long, financialCondition: long, creditRating: short }).partial().strict();
/** 客户维护计划 (yearly, by the account manager) */
export const maintenancePlanSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    summary: long,
    profileSwot: long,
    competition: long,
    assessment: long,
    actionsTargets: long,
  })
  .partial()
  .strict();

/** 沟通记录 */
export const contactRecordSchema = z
  .object({
    date,
    person: short,
    topic: short,
    content: long,
    result: long,
    openIssues: long,
    nextStep: long,
    expectedResult: long,
    resourcesNeeded: long,
    /** The due callback this contact answers (its due-list key), when it answers one (seed 004 回访客户). */
    answers: short,
  })
  .partial()
  .required({ date: true })
  .strict();

/** Customer celebrations (庆典活动): an anniversary recurs every year on its date; the others happen once. */
export const CELEBRATION_KINDS = ['anniversary', 'opening', 'relocation', 'other'] as const;
export type CelebrationKind = (typeof CELEBRATION_KINDS)[number];
export const celebrationSchema = z
  /** id: the core gives each celebration one, kept across edits; a callback's key names it. */
  .object({ date, kind: z.enum(CELEBRATION_KINDS), title: short, id: z.string().regex(/^[0-9a-f]{8}$/) })
  .partial()
  .required({ date: true, kind: true })
  .strict();

export const SECTIONS = [
  'basic',
  'classification',
  'market',
  'keyPersons',
  'purchasing',
  'cooperation',
  'finance',
  'maintenancePlan',
  'contactRecords',
  'celebrations',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The content of a dossier: every group optional, so a draft may be incomplete. */
export const dossierContentSchema = z
  .object({
    basic: basicSchema,
    classification: classificationSchema,
    market: marketSchema,
    keyPersons: z.array(keyPersonSchema).max(200),
    purchasing: purchasingSchema,
    cooperation: cooperationSchema,
    finance: financeSchema,
    maintenancePlan: maintenancePlanSchema,
    contactRecords: z.array(contactRecordSchema).max(2000),
    celebrations: z.array(celebrationSchema).max(50),
  })
  .partial()
  .strict();
export type DossierContent = z.infer<typeof dossierContentSchema>;

/** A new dossier: the customer's name is the least a draft needs to be found again. */
export const newDossierSchema = dossierContentSchema.extend({
  basic: basicSchema.required({ customerName: true }),
});
export type NewDossier = z.input<typeof newDossierSchema>;

/** Key persons and contact records to add after the ones already there (an update recorded without reading). */
export const dossierAdditionsSchema = z
  .object({
    keyPersons: z.array(keyPersonSchema).min(1).max(200),
    contactRecords: z.array(contactRecordSchema).min(1).max(2000),
    celebrations: z.array(celebrationSchema).min(1).max(50),
  })
  .partial()
  .strict();
export type DossierAdditions = z.infer<typeof dossierAdditionsSchema>;

/**
 * A save: only the groups given change. Inside an object group only the fields given change
 * (an empty string clears one); a list group (key persons, contact records) is replaced whole,
 * which needs the right to read it; `add` appends to a list group instead, which does not.
 * `expectedRevision` refuses a save made against an outdated form.
 */
export const dossierUpdateSchema = z
  .object({
    number: archiveNumberSchema,
    expectedRevision: z.number().int().min(1).optional(),
    changes: dossierContentSchema,
    add: dossierAdditionsSchema.optional(),
  })
  .strict();
export type DossierUpdate = z.input<typeof dossierUpdateSchema>;

export const dossierRefSchema = z.object({ number: archiveNumberSchema }).strict();

/** Assigns the customer to a collector (信息采集员), who then records its updates. */
export const assignCollectorSchema = z.object({ number: archiveNumberSchema, collectorLogin: loginSchema }).strict();

export const openDossierSchema = z.object({ number: archiveNumberSchema, sections: z.array(z.enum(SECTIONS)).min(1).max(SECTIONS.length).optional() }).strict();

export const revisionRefSchema = z.object({ number: archiveNumberSchema, revision: z.number().int().min(1) }).strict();

/** ★ fields (domain.md): the archive number is issued by the core, so it is always present. */
export const REQUIRED_TO_FILE = [
  'basic.customerName',
  'basic.legalRepresentative',
  'basic.address',
  'basic.phone',
  'basic.industry',
  'classification.responsibleManager',
] as const;

export const reissueCopySchema = z.object({ copyNumber: copyNumberSchema, shelf: text().trim().min(1).max(60).optional() }).strict();
export const lostCopySchema = z.object({ copyNumber: copyNumberSchema, reason: text().trim().min(2).max(2000) }).strict();

export const PAGE_LIMIT_MAX = 500;

/** Catalogue search (一览表): paged, so a virtualized table can scroll any number of rows. */
export const catalogueQuerySchema = z
  .object({
    /** Customer name, archive number, industry, and key-person names where content may be seen; ≥ 2 characters a term. */
    text: text().trim().max(100).optional(),
    grade: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
    secrecy: z.array(z.enum(SECRECY_LEVELS)).max(SECRECY_LEVELS.length).optional(),
    lifecycle: z.array(z.enum(LIFECYCLE_STAGES)).max(LIFECYCLE_STAGES.length).optional(),
    status: z.enum(DOSSIER_STATUSES).optional(),
    /** Dossiers with a copy (in custody or on loan) held by this department. */
    holdingDepartment: text().trim().min(2).max(40).optional(),
    /** Filed dossiers whose review is due (`overdue`) or falls within the due window (`due`). */
    review: z.enum(['due', 'overdue']).optional(),
    /** Archived dossiers (retention) are out of the working lists unless asked for: `include` or `only`. */
    archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(100),
  })
  .strict();
export type CatalogueQuery = z.input<typeof catalogueQuerySchema>;

/** Reviews due for a department (the signed-in person's unless named), or with `assigned` for the customers assigned to them as collector. */
export const reviewListSchema = z
  .object({
    department: text().trim().min(2).max(40).optional(),
    assigned: z.boolean().optional(),
    withinDays: z.number().int().min(0).max(365).default(30),
  })
  .strict();

export interface CopyStatusView {
  copyNumber: string;
  department: string;
  state: CopyState;
  revision: number;
  /** copyLag: revisions this copy is behind the dossier. */
  lag: number;
}

/** One line of the catalogue: never content. */
export interface CatalogueRow {
  number: string;
  customerName: string;
  grade: Grade;
  industry: string;
  secrecy: SecrecyLevel;
  status: DossierStatus;
  lifecycle: LifecycleStage;
  responsibleManager: { login: string; name: string } | null;
  revision: number;
  nextReviewAt: string | null;
  copies: CopyStatusView[];
  /** The searcher is one of its writers (policy: dossier.update): they may record updates without reading it. */
  mayWrite: boolean;
}

export interface CataloguePage {
  total: number;
  offset: number;
  rows: CatalogueRow[];
}

export interface DossierSummary {
  number: string;
  status: DossierStatus;
  revision: number;
  customerName: string;
  /** Fields this save changed (no values: the writer may not be allowed to read them back). */
  changedFields: string[];
}

export interface DossierView {
  number: string;
  status: DossierStatus;
  revision: number;
  secrecy: SecrecyLevel;
  sections: Section[];
  content: DossierContent;
  filedAt: string | null;
  lastReviewedAt: string | null;
}

export interface FieldChange {
  field: string;
  label: { en: string; 'zh-CN': string };
  old: string | number | null;
  new: string | number | null;
}

export interface RevisionDiff {
  number: string;
  revision: number;
  kind: 'create' | 'update';
  at: string;
  by: { login: string; name: string } | null;
  changes: FieldChange[];
}

export interface CopyView extends CopyStatusView {
  custodian: { login: string; name: string } | null;
  shelf: string;
  issuedAt: string;
  lostAt: string | null;
  lostReason: string | null;
}

/** What a printed copy's cover sheet carries; the printing is the renderer's. */
export interface CopySheet {
  copyNumber: string;
  number: string;
  customerName: string;
  revision: number;
  custodian: { login: string; name: string } | null;
  department: { code: string; nameZh: string; nameEn: string };
  issuedAt: string;
  secrecy: SecrecyLevel;
  /** ★ mark and the level in both languages, as printed. */
  secrecyMark: { en: string; 'zh-CN': string };
}

export interface ReviewDueRow {
  number: string;
  customerName: string;
  department: string | null;
  responsibleManager: { login: string; name: string } | null;
  lastReviewedAt: string;
  nextReviewAt: string;
  overdue: boolean;
}

export const SECRECY_LABELS: Record<SecrecyLevel, { en: string; 'zh-CN': string }> = {
  internal: { en: 'Internal', 'zh-CN': '内部' },
  secret: { en: 'Secret', 'zh-CN': '秘密' },
  confidential: { en: 'Confidential', 'zh-CN': '机密' },
};

/** A copy as its dossier's copy list shows it, with whether the asker keeps it (`can()` in the core). */
export interface CopyRow extends CopyView {
  mayKeep: boolean;
}
