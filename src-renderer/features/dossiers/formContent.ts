/**
 * Form values → the content a save sends. A new dossier sends only what is filled; a save of an
 * existing one sends every object field shown (an emptied field is '' and clears it, as the core's
 * update says) and list groups whole.
 */
import { SECTIONS, type DossierAdditions, type DossierContent } from '../../../src-main/contract/dossiers';

type Values = Record<string, unknown>;

const LISTS = new Set(['keyPersons', 'contactRecords', 'celebrations']);

function cleanItem(item: Values, keepEmpty: boolean): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(item ?? {})) {
    if (v === undefined || v === null) continue;
    const value = typeof v === 'string' ? v.trim() : v;
    if (value === '' && !keepEmpty) continue;
    out[k] = value;
  }
  return out;
}

export function toContent(values: Values, mode: 'create' | 'update'): DossierContent {
  const out: Values = {};
  for (const section of SECTIONS) {
    // The yearly plan is written on the Plans tab (core/plans); the old field is history only.
    if (section === 'maintenancePlan') continue;
    const value = values[section];
    if (value === undefined || value === null) continue;
    if (LISTS.has(section)) {
      out[section] = (value as Values[]).filter(Boolean).map((item) => cleanItem(item, false));
    } else {
      const group = cleanItem(value as Values, mode === 'update');
      if (Object.keys(group).length) out[section] = group;
    }
  }
  return out as DossierContent;
}

/**
 * An update recorded without reading: the object fields filled in (nothing else, so no stored value
 * is cleared or overwritten unseen) and the new list entries, to be added after the existing ones.
 */
export function toRecordedUpdate(values: Values): { changes: DossierContent; add: DossierAdditions } {
  const content = toContent(values, 'create') as Record<string, unknown>;
  const add: Record<string, unknown> = {};
  for (const section of LISTS) {
    const items = (content[section] as Values[] | undefined)?.filter((item) => Object.keys(item).length > 0);
    delete content[section];
    if (items?.length) add[section] = items;
  }
  return { changes: content as DossierContent, add: add as DossierAdditions };
}
