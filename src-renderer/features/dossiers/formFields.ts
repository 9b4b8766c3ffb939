/**
 * Which input each dossier field gets, section by section, and the schema that checks it: the
 * contract's own zod schemas, the ones the core parses the save with, so the form and the core
 * cannot disagree about what is valid.
 */
import type { z } from 'zod';
import {
  basicSchema,
  celebrationSchema,
  classificationSchema,
  contactRecordSchema,
  cooperationSchema,
  financeSchema,
  keyPersonSchema,
  maintenancePlanSchema,
  marketSchema,
  purchasingSchema,
  REQUIRED_TO_FILE,
  type Section,
} from '../../../src-main/contract/dossiers';

export type InputKind = 'text' | 'textarea' | 'number' | 'date' | 'grade' | 'lifecycle' | 'secrecy' | 'source' | 'login' | 'contactClass' | 'celebrationKind';

export interface FieldDef {
  /** the field within its group */
  name: string;
  kind: InputKind;
  schema: z.ZodType;
  /** ★: must be filled before filing */
  star: boolean;
  /** a draft cannot be saved without it */
  required?: boolean;
}

type ObjectSchema = { shape: Record<string, z.ZodType> };

const STARRED = new Set<string>(REQUIRED_TO_FILE);

function fields(section: string, schema: ObjectSchema, kinds: Record<string, InputKind> = {}, fallback: InputKind = 'text'): FieldDef[] {
  return Object.entries(schema.shape).map(([name, s]) => ({
    name,
    kind: kinds[name] ?? fallback,
    schema: s,
    star: STARRED.has(`${section}.${name}`),
    required: section === 'basic' && name === 'customerName',
  }));
}

export type ObjectSection = Exclude<Section, 'keyPersons' | 'contactRecords' | 'celebrations'>;

export const OBJECT_SECTIONS: Record<ObjectSection, FieldDef[]> = {
  basic: fields('basic', basicSchema as unknown as ObjectSchema, { businessScope: 'textarea', sourceChannel: 'source' }),
  classification: fields('classification', classificationSchema as unknown as ObjectSchema, {
    grade: 'grade',
    lifecycle: 'lifecycle',
    secrecy: 'secrecy',
    responsibleManager: 'login',
  }),
  market: fields('market', marketSchema as unknown as ObjectSchema, {}, 'textarea'),
  purchasing: fields('purchasing', purchasingSchema as unknown as ObjectSchema, {}, 'textarea'),
  cooperation: fields('cooperation', cooperationSchema as unknown as ObjectSchema, {}, 'textarea'),
  finance: fields('finance', financeSchema as unknown as ObjectSchema, { creditRating: 'text' }, 'textarea'),
  maintenancePlan: fields('maintenancePlan', maintenancePlanSchema as unknown as ObjectSchema, { year: 'number' }, 'textarea'),
};

/** List sections: the first columns are shown in the row, the rest when the row is expanded. */
export const KEY_PERSON_FIELDS = fields('keyPersons', keyPersonSchema as unknown as ObjectSchema, {
  birthday: 'date',
  family: 'textarea',
  interests: 'textarea',
  notes: 'textarea',
  contactClass: 'contactClass',
}).map((f) => (f.name === 'name' ? { ...f, required: true } : f));
export const KEY_PERSON_COLUMNS = ['name', 'title', 'purchaseRole', 'contactClass', 'phone'];

export const CONTACT_FIELDS = fields(
  'contactRecords',
  contactRecordSchema as unknown as ObjectSchema,
  { date: 'date', person: 'text', topic: 'text', answers: 'text' },
  'textarea',
).map((f) => (f.name === 'date' ? { ...f, required: true } : f));
export const CONTACT_COLUMNS = ['date', 'person', 'topic', 'result', 'nextStep'];

/** Customer celebrations (seed 004 回访客户: a callback 30 days before each). */
// The id is the core's (kept across edits, named by callbacks): carried in the row, never typed.
export const CELEBRATION_FIELDS = fields('celebrations', celebrationSchema as unknown as ObjectSchema, { date: 'date', kind: 'celebrationKind' })
  .filter((f) => f.name !== 'id')
  .map((f) => (f.name === 'date' || f.name === 'kind' ? { ...f, required: true } : f));
export const CELEBRATION_COLUMNS = ['date', 'kind', 'title'];
