/**
 * Two exports of the same archive, an earlier and a later one (issue 12): does the later one still
 * hold everything the earlier one proved? Each export is first verified on its own (verify-export.ts);
 * then, from the signed manifests alone:
 *
 * - `archive`  they are not exports of the same archive;
 * - `behind`   the later export's signed head is below the earlier one's: the journal was cut back;
 * - `diverged` an entry both exports list has a different chain hash: the chain was rewritten there;
 * - `vanished` an entry the earlier export listed is missing from a later export of the whole
 *              journal (no filters): it was removed.
 *
 * So an auditor who keeps each export can prove entries vanished, whatever the archive says now.
 */
import { readFileSync } from 'node:fs';
import { expandRuns, manifestPath, manifestSchema, type Manifest } from './manifest';
import { verifyExport, type ExportVerdict, type VerifyExportOptions } from './verify-export';
import { ArchiveError } from '../../errors';

export type ComparisonProblemKind = 'archive' | 'behind' | 'diverged' | 'vanished';

export interface ExportComparison {
  ok: boolean;
  earlier: ExportVerdict;
  later: ExportVerdict;
  problem?: { kind: ComparisonProblemKind; seq: number | null };
}

function manifestOf(file: string): Manifest {
  try {
    return manifestSchema.parse((JSON.parse(readFileSync(manifestPath(file), 'utf8')) as { manifest: unknown }).manifest);
  } catch {
    throw new ArchiveError('export.foreign', { detail: file });
  }
}

export async function compareExports(laterFile: string, earlierFile: string, options: VerifyExportOptions = {}): Promise<ExportComparison> {
  const later = await verifyExport(laterFile, options);
  const earlier = await verifyExport(earlierFile, { keyFingerprint: undefined });
  const result: ExportComparison = { ok: false, earlier, later };
  // Each file must stand on its own first; its own verdict says what is wrong with it.
  if (!later.ok || !earlier.ok) return result;
  const a = manifestOf(earlierFile);
  const b = manifestOf(laterFile);
  const fail = (kind: ComparisonProblemKind, seq: number | null): ExportComparison => ({ ...result, problem: { kind, seq } });
  if (a.archiveId !== b.archiveId) return fail('archive', null);
  if (b.chainHead.seq < a.chainHead.seq) return fail('behind', b.chainHead.seq + 1);
  const before = expandRuns(a)!;
  const after = expandRuns(b)!;
  const laterHashes = new Map<number, string>();
  for (let i = 0; i < after.count; i++) laterHashes.set(after.seqAt(i), after.hashAt(i));
  const whole = Object.values(b.filters).every((v) => v === undefined || v === null);
  for (let i = 0; i < before.count; i++) {
    const seq = before.seqAt(i);
    const hash = laterHashes.get(seq);
    if (hash === undefined) {
      if (whole) return fail('vanished', seq);
      continue;
    }
    if (hash !== before.hashAt(i)) return fail('diverged', seq);
  }
  // The earlier head itself, where the later export can see it (the first entry that differs is named above).
  if (b.chainHead.seq === a.chainHead.seq && b.chainHead.hash !== a.chainHead.hash) return fail('diverged', a.chainHead.seq);
  const laterHead = laterHashes.get(a.chainHead.seq);
  if (laterHead !== undefined && laterHead !== a.chainHead.hash) return fail('diverged', a.chainHead.seq);
  return { ...result, ok: true };
}
