/**
 * The reading log kept beside a package (`<package>.readlog`, JSON Lines): one line per offline
 * read or refused attempt, written BEFORE the content is decrypted, so the official reader never
 * shows what it has not recorded.
 *
 * Each line carries its sequence number, the previous line's MAC and its own MAC:
 *   mac = HMAC-SHA256(logKey, canonicalJson(line without mac)),  prev of line 1 = genesis(package)
 * so an edited line fails its MAC, a removed or reordered line breaks the next line's seq/prev,
 * a line from another package fails (the package id is in every line and in the key), and a line
 * cut off half-written is reported as truncated. `verifyLog` is the one definition; the reader
 * checks it before appending and the archive checks it on return, with the same code.
 *
 * Limits, stated plainly: the log key is derived from the package key, which the borrower can
 * reach with their passphrase. Someone who re-implements this scheme can rewrite the whole chain,
 * and deleting the last lines (or the whole file) leaves a shorter chain that still verifies. The
 * log proves what the app recorded against anyone without the passphrase and against editing by
 * hand; it is evidence, not a barrier. The barriers are the due time and the revocation list.
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, fsyncSync, openSync, closeSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { SECTIONS } from '../../contract/dossiers';
import { canonicalJson } from '../journal/entry';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const logLineSchema = z
  .object({
    v: z.literal(1),
    package: z.string().uuid(),
    seq: z.number().int().min(1),
    at: z.string().datetime(),
    tzOffset: z.number().int().min(-900).max(900),
    workstation: z.string().max(200),
    sections: z.array(z.enum(SECTIONS)),
    outcome: z.enum(['ok', 'denied']),
    reason: z.string().max(60).nullable(),
    /** What the app did: opened the package, showed a section, printed. Absent on lines of older readers. */
    action: z.enum(['open', 'view', 'print']).optional(),
    prev: hex32,
    mac: hex32,
  })
  .strict();
export type LogLine = z.infer<typeof logLineSchema>;

export type LogProblemKind = 'changed' | 'dropped' | 'truncated' | 'foreign';

export interface LogCheck {
  /** The lines that verify, in order, up to the first problem. */
  lines: LogLine[];
  problem: { line: number; kind: LogProblemKind } | null;
  /** The file was not there at all. */
  missing: boolean;
}

export function genesis(packageId: string): string {
  return hash('sha256', `triplicate-offline-log-genesis|v1|${packageId}`, 'hex');
}

function macOf(logKey: Buffer, line: Omit<LogLine, 'mac'>): string {
  return createHmac('sha256', logKey).update(canonicalJson(line)).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifyLog(path: string, packageId: string, logKey: Buffer): LogCheck {
  if (!existsSync(path)) return { lines: [], problem: null, missing: true };
  const text = readFileSync(path, 'utf8');
  const raw = text.split('\n');
  // A complete log ends with a newline, so the last piece is empty; anything else was cut off.
  const last = raw.pop();
  const lines: LogLine[] = [];
  let prev = genesis(packageId);
  for (const [index, piece] of raw.entries()) {
    const number = index + 1;
    let parsed: LogLine;
    try {
      const result = logLineSchema.safeParse(JSON.parse(piece));
      if (!result.success) return { lines, problem: { line: number, kind: 'changed' }, missing: false };
      parsed = result.data;
    } catch {
      return { lines, problem: { line: number, kind: 'changed' }, missing: false };
    }
    if (parsed.package !== packageId) return { lines, problem: { line: number, kind: 'foreign' }, missing: false };
    const { mac, ...body } = parsed;
    if (!sameHex(mac, macOf(logKey, body))) return { lines, problem: { line: number, kind: 'changed' }, missing: false };
    if (parsed.seq !== lines.length + 1 || parsed.prev !== prev) return { lines, problem: { line: number, kind: 'dropped' }, missing: false };
    lines.push(parsed);
    prev = mac;
  }
  if (last !== undefined && last !== '') return { lines, problem: { line: raw.length + 1, kind: 'truncated' }, missing: false };
  return { lines, problem: null, missing: false };
}

export interface NewLogLine {
  at: Date;
  workstation: string;
  sections: LogLine['sections'];
  outcome: LogLine['outcome'];
  reason: string | null;
  action?: LogAction;
}

export type LogAction = NonNullable<LogLine['action']>;

/** Appends one line after the verified ones and makes it durable before returning. */
export function appendLog(path: string, packageId: string, logKey: Buffer, previous: readonly LogLine[], entry: NewLogLine): LogLine {
  const body: Omit<LogLine, 'mac'> = {
    v: 1,
    package: packageId,
    seq: previous.length + 1,
    at: entry.at.toISOString(),
    tzOffset: -entry.at.getTimezoneOffset(),
    workstation: entry.workstation.slice(0, 200),
    sections: entry.sections,
    outcome: entry.outcome,
    reason: entry.reason,
    ...(entry.action ? { action: entry.action } : {}),
    prev: previous.length ? previous[previous.length - 1]!.mac : genesis(packageId),
  };
  const line: LogLine = { ...body, mac: macOf(logKey, body) };
  appendFileSync(path, JSON.stringify(line) + '\n', { encoding: 'utf8', mode: 0o600 });
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return line;
}
