/**
 * The offline verifier against committed test vectors (tests/fixtures/exports, made by generate.ts
 * from a real archive): every tampering — a field edited, a line dropped, two lines swapped, a line
 * inserted, the manifest edited or re-signed by another key — gets exactly its expected verdict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import type { Vector } from '../fixtures/exports/generate';

const DIR = join(__dirname, '..', 'fixtures', 'exports');
const { vectors } = JSON.parse(readFileSync(join(DIR, 'vectors.json'), 'utf8')) as { vectors: Vector[] };

describe('a changed, dropped, inserted or moved export line is reported by number', () => {
  it('the vectors cover every tampering kind in CSV and JSON Lines, and XLSX', () => {
    for (const format of ['csv', 'jsonl']) {
      const kinds = new Set(vectors.filter((v) => v.file.endsWith(format)).map((v) => v.expected.kind));
      expect([...kinds].sort()).toEqual(['changed', 'dropped', 'inserted', 'key', 'moved', 'signature', null].sort());
    }
    expect(vectors.filter((v) => v.file.endsWith('.xlsx')).map((v) => v.expected.ok)).toEqual([true, false]);
  });

  it.each(vectors.map((v) => [v.file, v] as const))('%s', async (_file, vector) => {
    const verdict = await verifyExport(join(DIR, vector.file), vector.options);
    expect({ ok: verdict.ok, line: verdict.problem?.line ?? null, kind: verdict.problem?.kind ?? null }, vector.description).toEqual(vector.expected);
  });
});
