/**
 * The signed manifest that travels beside every journal export, and why it proves what it claims.
 *
 * An export is two files: the entries (`X.csv`, `X.xlsx` or `X.jsonl`) and `X.csv.manifest.json`
 * beside it. The sidecar keeps each format clean (Excel opens the CSV as a plain table) and lets
 * one verifier serve all three formats.
 *
 * What a verifier that trusts neither the app nor its administrator can check, with only the two
 * files and the archive's key fingerprint (obtained out of band, e.g. printed at `init`):
 *
 * 1. Every line carries all hashed fields plus `prev_hash` and `hash`, so each line's hash is
 *    recomputed from its own content through `rowHash` (entry.ts, the chain's one definition).
 * 2. The manifest lists, in export order, the sequence numbers and chain hashes of exactly the
 *    exported entries (`entries`: runs of sequence numbers, and the 32-byte hashes concatenated).
 *    The whole manifest is signed with the archive's Ed25519 key. Because the chain hash covers
 *    the sequence number and the previous entry's hash, a signed (position, hash) pair fixes both
 *    the line's content and its place in the chain. Line k must recompute to the k-th signed hash,
 *    so an edited field, a dropped, inserted, duplicated or reordered line is caught and named by
 *    its line number, even when the forger recomputed the line's own `hash` column.
 * 3. `chainHead` is a genuine journal checkpoint (the same message `checkpointMessage` signs and
 *    the archive stores and re-verifies), taken when the export started; the exported entries all
 *    lie at or below it. An auditor holding a later export or the archive can check that head.
 * 4. The manifest names its key: the raw public key and its fingerprint (SHA-256 of the key).
 *    A manifest whose key does not hash to its fingerprint, or whose fingerprint is not the one
 *    the verifier was told to expect, is refused: re-signing with another key is detected.
 *
 * Why not a hash list of every entry up to the head: for a filtered export the other entries'
 * content is not in the file, so their hashes could not be recomputed and would prove nothing a
 * signature does not; they would only add size. The archive signs what it can vouch for: before
 * signing, the exporter recomputes each exported row's hash and checks its links to the stored
 * neighbours in the chain (export.ts), so a row altered inside the database is never laundered
 * into a valid-looking export — the export fails with `journal.broken` instead.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, checkpointMessage } from '../entry';
import { keyFingerprint, verifySignature } from '../signer';
import { auditMessage } from '../person-signatures';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MANIFEST_SUFFIX = '.manifest.json';
export const MANIFEST_KIND = 'triplicate-journal-export';

/** Column names of every format (CSV header, XLSX header row, JSON Lines keys), in chain order. */
export const EXPORT_COLUMNS = [
  'seq',
  'at',
  'tz_offset',
  'actor_id',
  'actor_name',
  'actor_duty',
  'workstation',
  'event',
  'object_type',
  'object_id',
  'outcome',
  'reason',
  'details',
  'prev_hash',
  'hash',
] as const;

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  kind: z.literal(MANIFEST_KIND),
  version: z.literal(1),
  archiveId: z.string().min(1),
  format: z.enum(EXPORT_FORMATS),
  /** The entries file's name (the manifest is found beside it). */
  file: z.string(),
  createdAt: z.string(),
  exportedBy: z.object({ id: z.string(), login: z.string(), name: z.string() }),
  filters: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
  count: z.number().int().min(0),
  firstSeq: z.number().int().min(1).nullable(),
  lastSeq: z.number().int().min(1).nullable(),
  chainHead: z.object({ seq: z.number().int().min(0), hash: hex32, at: z.string(), signature: z.string() }),
  key: z.object({ publicKey: z.string(), fingerprint: hex32 }),
  entries: z.object({
    /** [first seq, run length] pairs, ascending: a whole-journal export is one pair. Checked by `expandRuns`. */
    seqs: z.array(z.unknown()),
    /** The exported entries' chain hashes, 32 bytes each, concatenated, base64. */
    hashes: z.string(),
  }),
  /**
   * Issue 12: every signature people made over `chainHead` (session checkpoints and auditors'
   * co-signatures), each with the signer's public key; absent from exports made before it.
   */
  headSignatures: z
    .array(z.object({ signer: z.string(), role: z.enum(['session', 'audit']), at: z.string(), signature: z.string(), publicKey: z.string() }))
    .optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export interface SignedManifest {
  manifest: Manifest;
  /** Ed25519 over `manifestMessage(manifest)`, base64. */
  signature: string;
}

/** Domain-separated from checkpoints, so neither signature can stand in for the other. */
export function manifestMessage(manifest: unknown): Buffer {
  return encodeSpliced(manifest, (m) => `triplicate-export-manifest|v1|${canonicalJson(m)}`);
}

/** The sidecar file's bytes: the signed manifest as JSON and a line feed. */
export function manifestFileBytes(signed: SignedManifest): Buffer {
  return encodeSpliced(signed.manifest, (m) => JSON.stringify({ ...signed, manifest: m }) + '\n');
}

/** A character outside base64's alphabet (a search for one is much faster than matching the whole text). */
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * `encode(manifest)` as UTF-8, built without putting the hash list (32 bytes an entry: 42 MB of
 * base64 for a million) through JSON and UTF-8 encoding: the rest is encoded with a unique marker
 * where the list goes, and the list's own bytes are put in its place. Base64 is ASCII with
 * nothing JSON escapes, so its JSON text is the text between two quotes: the bytes are the same.
 * The plain way is taken when the list is small, not base64, or the marker is not unique.
 */
function encodeSpliced(manifest: unknown, encode: (manifest: unknown) => string): Buffer {
  const entries = (manifest as { entries?: unknown } | null)?.entries;
  const hashes = entries && typeof entries === 'object' && !Array.isArray(entries) ? (entries as { hashes?: unknown }).hashes : undefined;
  if (typeof hashes === 'string' && hashes.length >= 65536 && !NOT_BASE64.test(hashes)) {
    const marker = randomBytes(16).toString('hex');
    const text = encode({ ...(manifest as object), entries: { ...(entries as object), hashes: marker } });
    const at = text.indexOf(marker);
    if (at >= 0 && text.indexOf(marker, at + 1) < 0) {
      return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from(hashes, 'latin1'), Buffer.from(text.slice(at + marker.length), 'utf8')]);
    }
  }
  return Buffer.from(encode(manifest), 'utf8');
}

export function manifestPath(file: string): string {
  return file + MANIFEST_SUFFIX;
}

/** Collects the exported entries' positions and hashes as they stream past, without a row per entry. */
export class EntryIndex {
  private runs: [number, number][] = [];
  private hashes = Buffer.allocUnsafe(32 * 1024);
  count = 0;
  firstSeq: number | null = null;
  lastSeq: number | null = null;

  add(seq: number, hashHex: string): void {
    this.addSeq(seq);
    this.reserve(1);
    this.hashes.write(hashHex, this.count * 32, 32, 'hex');
    this.count++;
  }

  /** `count` entries at once: their `seq` in order and their hashes (64 hex digits each) concatenated. */
  addMany(seqs: ArrayLike<number>, count: number, hashesHex: string): void {
    for (let i = 0; i < count; i++) this.addSeq(seqs[i]!);
    this.reserve(count);
    this.hashes.write(hashesHex, this.count * 32, count * 32, 'hex');
    this.count += count;
  }

  private addSeq(seq: number): void {
    const run = this.runs[this.runs.length - 1];
    if (run && run[0] + run[1] === seq) run[1]++;
    else this.runs.push([seq, 1]);
    this.firstSeq ??= seq;
    this.lastSeq = seq;
  }

  private reserve(more: number): void {
    const needed = (this.count + more) * 32;
    if (needed <= this.hashes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.hashes.length * 2));
    this.hashes.copy(grown, 0, 0, this.count * 32);
    this.hashes = grown;
  }

  toJson(): Manifest['entries'] {
    return { seqs: this.runs, hashes: this.hashes.subarray(0, this.count * 32).toString('base64') };
  }
}

/** The signed list, decoded: `seqAt(i)` and `hashAt(i)` for the i-th exported entry. */
export interface ExpectedEntries {
  count: number;
  seqAt(i: number): number;
  hashAt(i: number): string;
  /** `hashAt(i) === hashHex`, without a string per entry (the verifier asks once per line). */
  isAt(i: number, hashHex: string): boolean;
}

/** Entries whose hashes `isAt` keeps as one hex string at a time (2 MB of text). */
const WINDOW = 32 * 1024;

/** Decodes and checks `entries`; null when it is malformed or disagrees with the manifest's count. */
export function expandRuns(manifest: Manifest): ExpectedEntries | null {
  const hashes = Buffer.from(manifest.entries.hashes, 'base64');
  if (hashes.length !== manifest.count * 32) return null;
  const seqs = new Float64Array(manifest.count);
  let i = 0;
  let previous = 0;
  for (const run of manifest.entries.seqs) {
    if (!Array.isArray(run) || run.length !== 2) return null;
    const [start, length] = run as unknown[];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || (length as number) < 1 || (start as number) <= previous) return null;
    if (i + (length as number) > manifest.count) return null;
    for (let k = 0; k < (length as number); k++) seqs[i++] = (start as number) + k;
    previous = (start as number) + (length as number) - 1;
  }
  if (i !== manifest.count) return null;
  if (manifest.count > 0 && (seqs[0] !== manifest.firstSeq || seqs[manifest.count - 1] !== manifest.lastSeq)) return null;
  if (manifest.count === 0 && (manifest.firstSeq !== null || manifest.lastSeq !== null)) return null;
  let windowStart = -WINDOW;
  let windowHex = '';
  return {
    count: manifest.count,
    seqAt: (k) => seqs[k]!,
    hashAt: (k) => hashes.toString('hex', k * 32, k * 32 + 32),
    isAt(k, hashHex) {
      if (k < windowStart || k >= windowStart + WINDOW) {
        windowStart = k - (k % WINDOW);
        windowHex = hashes.toString('hex', windowStart * 32, Math.min(manifest.count, windowStart + WINDOW) * 32);
      }
      return hashHex.length === 64 && windowHex.startsWith(hashHex, (k - windowStart) * 64);
    },
  };
}

export type ManifestProblem = 'key' | 'signature' | 'manifest';

/**
 * Checks the manifest itself: its key against its fingerprint (and the expected one), its
 * signature over the exact signed object, and the chain head's checkpoint signature.
 * `raw` is the parsed JSON before validation, so an added or altered field breaks the signature.
 */
export function checkManifest(raw: unknown, manifest: Manifest, signature: string, expectedFingerprint?: string): ManifestProblem | null {
  const publicKey = Buffer.from(manifest.key.publicKey, 'base64');
  if (publicKey.length !== 32 || keyFingerprint(publicKey) !== manifest.key.fingerprint) return 'key';
  if (expectedFingerprint !== undefined && normaliseFingerprint(expectedFingerprint) !== manifest.key.fingerprint) return 'key';
  if (!verifySignature(publicKey, manifestMessage(raw), signature)) return 'signature';
  const head = manifest.chainHead;
  if (!verifySignature(publicKey, checkpointMessage(manifest.archiveId, head.seq, head.hash, head.at), head.signature)) return 'signature';
  for (const other of manifest.headSignatures ?? []) {
    const message =
      other.role === 'audit'
        ? auditMessage(manifest.archiveId, head.seq, head.hash, other.at)
        : checkpointMessage(manifest.archiveId, head.seq, head.hash, other.at);
    if (!verifySignature(Buffer.from(other.publicKey, 'base64'), message, other.signature)) return 'signature';
  }
  if (manifest.lastSeq !== null && manifest.lastSeq > head.seq) return 'manifest';
  return null;
}

/** Fingerprints are compared case- and separator-insensitively (people read them aloud in groups). */
export function normaliseFingerprint(fp: string): string {
  return fp.toLowerCase().replace(/[^0-9a-f]/g, '');
}
