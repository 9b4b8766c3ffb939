/**
 * The offline verifier: an export file and its manifest, no archive, no password. See manifest.ts
 * for what is proved and how. Stops at the first problem and names its line:
 *
 * - `changed`  the line's content is not what the archive signed (a field edited, or unreadable)
 * - `dropped`  a signed entry is missing where the line stands (or at the end)
 * - `inserted` a line the archive never signed here (new, or a duplicate)
 * - `moved`    the line belongs to the export but not at this position
 * - `key`      the manifest's key is not its fingerprint's, or not the fingerprint expected
 * - `signature` the manifest or its chain head is not signed by the key it names
 * - `manifest` the manifest is signed but inconsistent (cannot happen without the private key)
 *
 * Line numbers are those a viewer shows: for CSV and XLSX the header is line 1, so the first
 * entry is line 2; for JSON Lines the first entry is line 1.
 *
 * A file that is not an export at all (missing, unreadable, no manifest, a manifest that is not
 * JSON or not ours) is bad input, not a verdict: it throws `export.notFound` / `export.foreign`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ArchiveError } from '../../errors';
import { checkManifest, expandRuns, manifestPath, manifestSchema, type ExpectedEntries, type Manifest } from './manifest';
import { csvIdentities } from './csv-identity';
import { rowIdentity } from './row';
import { readSource } from './sources';

export type ExportProblemKind = 'changed' | 'dropped' | 'inserted' | 'moved' | 'key' | 'signature' | 'manifest';

export interface ExportVerdict {
  ok: boolean;
  format: Manifest['format'] | null;
  archiveId: string | null;
  /** The fingerprint the manifest names (compare it with the archive's, out of band). */
  fingerprint: string | null;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  chainHead: { seq: number; hash: string } | null;
  problem?: { kind: ExportProblemKind; line: number | null; seq: number | null };
}

export interface VerifyExportOptions {
  /** The archive's key fingerprint as the auditor knows it; any other signer is refused. */
  keyFingerprint?: string;
  /** Where the manifest is, if not `<file>.manifest.json`. */
  manifest?: string;
}

export async function verifyExport(file: string, options: VerifyExportOptions = {}): Promise<ExportVerdict> {
  const sidecar = options.manifest ?? manifestPath(file);
  if (!existsSync(file)) throw new ArchiveError('export.notFound', { path: file });
  if (!existsSync(sidecar)) throw new ArchiveError('export.notFound', { path: sidecar });
  const { raw, manifest, signature } = readManifest(sidecar);

  const verdict: ExportVerdict = {
    ok: false,
    format: manifest.format,
    archiveId: manifest.archiveId,
    fingerprint: manifest.key.fingerprint,
    count: manifest.count,
    firstSeq: manifest.firstSeq,
    lastSeq: manifest.lastSeq,
    chainHead: { seq: manifest.chainHead.seq, hash: manifest.chainHead.hash },
  };
  const fail = (kind: ExportProblemKind, line: number | null = null, seq: number | null = null): ExportVerdict => ({
    ...verdict,
    ok: false,
    problem: { kind, line, seq },
  });

  const manifestProblem = checkManifest(raw.manifest, manifest, signature, options.keyFingerprint);
  if (manifestProblem) return fail(manifestProblem);
  const expected = expandRuns(manifest);
  if (!expected) return fail('manifest');

  const result = await compareLines(manifest, expected, file);
  return result ? fail(result.kind, result.line, result.seq) : { ...verdict, ok: true };
}

function readManifest(path: string): { raw: { manifest: unknown }; manifest: Manifest; signature: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code) throw error;
    throw new ArchiveError('export.foreign', { detail: basename(path) });
  }
  const envelope = parsed as { manifest?: unknown; signature?: unknown } | null;
  const result = manifestSchema.safeParse(envelope?.manifest);
  if (!result.success || typeof envelope?.signature !== 'string') {
    throw new ArchiveError('export.foreign', { detail: basename(path) });
  }
  return { raw: { manifest: envelope.manifest }, manifest: result.data, signature: envelope.signature };
}

type Mismatch = { kind: ExportProblemKind; line: number | null; seq: number | null };
type Line = { line: number; id: string | null };

/**
 * Streams the file against the signed list. The fast path compares line k with entry k and keeps
 * nothing; at the first disagreement it keeps reading (hashes only) to tell a moved line from a
 * dropped one, then classifies.
 */
async function compareLines(manifest: Manifest, expected: ExpectedEntries, file: string): Promise<Mismatch | null> {
  let k = 0;
  let rest: Line[] | null = null;
  let lastLine = manifest.format === 'jsonl' ? 0 : 1;
  for await (const batch of readIdentities(manifest.format, file)) {
    for (const item of batch) {
      if ('badHeader' in item) return { kind: 'changed', line: item.badHeader, seq: null };
      lastLine = item.line;
      if (rest) {
        rest.push(item);
        continue;
      }
      if (k < expected.count && item.id !== null && expected.isAt(k, item.id)) {
        k++;
        continue;
      }
      rest = [item];
    }
  }
  if (!rest) return k === expected.count ? null : { kind: 'dropped', line: lastLine + 1, seq: expected.seqAt(k) };
  return classify(expected, k, rest);
}

/** Each line's identity (row.ts rowIdentity); CSV is read as bytes (csv-identity.ts). */
async function* readIdentities(format: Manifest['format'], file: string): AsyncGenerator<(Line | { badHeader: number })[]> {
  if (format === 'csv') {
    yield* csvIdentities(file);
    return;
  }
  for await (const batch of readSource(format, file)) {
    yield batch.map((item) => ('badHeader' in item ? item : { line: item.line, id: rowIdentity(item.row) }));
  }
}

function classify(expected: ExpectedEntries, k: number, rest: Line[]): Mismatch {
  const here = rest[0]!;
  if (k >= expected.count) return { kind: 'inserted', line: here.line, seq: null };
  const position = new Map<string, number>();
  for (let i = 0; i < expected.count; i++) position.set(expected.hashAt(i), i);
  const wanted = expected.hashAt(k);
  const at = here.id === null ? undefined : position.get(here.id);
  if (at !== undefined && at > k) {
    const later = rest.some((r, i) => i > 0 && r.id === wanted);
    return later ? { kind: 'moved', line: here.line, seq: expected.seqAt(at) } : { kind: 'dropped', line: here.line, seq: expected.seqAt(k) };
  }
  if (at !== undefined) return { kind: 'inserted', line: here.line, seq: expected.seqAt(at) };
  const next = rest[1];
  if (next && next.id === wanted) return { kind: 'inserted', line: here.line, seq: null };
  return { kind: 'changed', line: here.line, seq: expected.seqAt(k) };
}
