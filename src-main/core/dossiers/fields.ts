/**
 * Field-level work on dossier content, free of SQL: merging a save into the current content,
 * flattening to `group.field` / `group.index.field` paths, the field-by-field difference that a
 * revision records, and the ★ fields still missing before filing.
 */
import { fieldLabel } from '../../contract/dossier-labels';
import { REQUIRED_TO_FILE, SECTIONS, type DossierAdditions, type DossierContent, type FieldChange, type Section } from '../../contract/dossiers';

export type Scalar = string | number | null;
export interface StoredChange {
  field: string;
  old: Scalar;
  new: Scalar;
}

const LIST_SECTIONS: ReadonlySet<Section> = new Set(['keyPersons', 'contactRecords', 'celebrations']);

/** Empty strings are "not filled": they are dropped so a cleared field and a missing one agree. */
function clean<T extends Record<string, unknown>>(group: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(group)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/** Object groups merge field by field; list groups are replaced whole. */
export function mergeContent(current: DossierContent, changes: DossierContent): DossierContent {
  const next: Record<string, unknown> = { ...current };
  for (const section of SECTIONS) {
    const change = changes[section];
    if (change === undefined) continue;
    if (LIST_SECTIONS.has(section)) {
      next[section] = (change as Record<string, unknown>[]).map(clean);
    } else {
      next[section] = clean({ ...(current[section] as Record<string, unknown> | undefined), ...(change as Record<string, unknown>) });
    }
  }
  return normalise(next as DossierContent);
}

/** Whether a save replaces a list group whole (what `add` does not). */
export function replacesLists(changes: DossierContent): boolean {
  return [...LIST_SECTIONS].some((section) => changes[section] !== undefined);
}

/** New key persons and contact records after the ones already there. */
export function appendItems(content: DossierContent, add: DossierAdditions | undefined): DossierContent {
  if (!add) return content;
  const next: Record<string, unknown> = { ...content };
  for (const section of LIST_SECTIONS) {
    const items = add[section as keyof DossierAdditions];
    if (items) next[section] = [...((content[section] as unknown[] | undefined) ?? []), ...items];
  }
  return normalise(next as DossierContent);
}

/** Drops empty groups and empty values, so equal content is equal JSON. */
export function normalise(content: DossierContent): DossierContent {
  const out: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    const value = content[section];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const items = value.map((v) => clean(v as Record<string, unknown>));
      if (items.length) out[section] = items;
    } else {
      const group = clean(value as Record<string, unknown>);
      if (Object.keys(group).length) out[section] = group;
    }
  }
  return out as DossierContent;
}

export function flatten(content: DossierContent): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  for (const section of SECTIONS) {
    const value = content[section];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        for (const [k, v] of Object.entries(item)) out.set(`${section}.${i}.${k}`, v as Scalar);
      });
    } else {
      for (const [k, v] of Object.entries(value)) out.set(`${section}.${k}`, v as Scalar);
    }
  }
  return out;
}

/** Every field whose value differs, in form order; a field that appeared has old = null. */
export function diffContent(before: DossierContent, after: DossierContent): StoredChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: StoredChange[] = [];
  for (const [field, value] of b) if (a.get(field) !== value) changes.push({ field, old: a.get(field) ?? null, new: value });
  for (const [field, value] of a) if (!b.has(field)) changes.push({ field, old: value, new: null });
  // flatten() already walks in form order; a stable sort by section only places removed fields
  // (no string collation: it dominated bulk saves).
  const order = (f: string) => SECTIONS.indexOf(f.slice(0, f.indexOf('.')) as Section);
  return changes.sort((x, y) => order(x.field) - order(y.field));
}

/**
 * What a writer who may not read the content recorded: each field they sent, with its old and new
 * value, whether or not it differed. A diff would tell them which values they matched, and
 * through the list indexes how many entries exist: content rule 3 keeps from them.
 */
export function submittedChanges(before: DossierContent, after: DossierContent, sent: DossierContent, add: DossierAdditions | undefined): StoredChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...flatten(sent).keys()];
  for (const section of LIST_SECTIONS) {
    const items = add?.[section as keyof DossierAdditions];
    if (!items?.length) continue;
    const start = ((after[section] as unknown[] | undefined)?.length ?? 0) - items.length;
    for (const [field] of flatten({ [section]: after[section] } as DossierContent)) {
      if (Number(field.split('.')[1]) >= start) fields.push(field);
    }
  }
  const order = (f: string) => SECTIONS.indexOf(f.slice(0, f.indexOf('.')) as Section);
  return fields.map((field) => ({ field, old: a.get(field) ?? null, new: b.get(field) ?? null })).sort((x, y) => order(x.field) - order(y.field));
}

export function sectionsOf(changes: readonly StoredChange[]): Section[] {
  const seen = new Set(changes.map((c) => c.field.split('.')[0] as Section));
  return SECTIONS.filter((s) => seen.has(s));
}

export function readable(changes: readonly StoredChange[]): FieldChange[] {
  return changes.map((c) => ({ field: c.field, label: fieldLabel(c.field), old: c.old, new: c.new }));
}

/** The ★ fields not yet filled. */
export function missingToFile(content: DossierContent): string[] {
  const flat = flatten(content);
  return REQUIRED_TO_FILE.filter((f) => {
    const v = flat.get(f);
    return v === undefined || v === null || v === '';
  });
}

/** Only the sections asked for. */
export function pick(content: DossierContent, sections: readonly Section[]): DossierContent {
  const out: Record<string, unknown> = {};
  for (const s of sections) if (content[s] !== undefined) out[s] = content[s];
  return out as DossierContent;
}
