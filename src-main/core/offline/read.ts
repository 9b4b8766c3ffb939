/**
 * Reading a package on a laptop, with no archive: usable from the app's "open offline package",
 * the CLI (`triplicate offline read`) and tests. Content exists only in memory, in the returned
 * object; nothing decrypted is ever written.
 *
 * Order matters:
 *  1. the file must verify (signature over header and ciphertext, key fingerprint) — before any
 *     passphrase is tried, so a tampered file is refused without spending argon2id on it;
 *  2. the passphrase opens the package key (argon2id), which also opens the log key;
 *  3. the reading log must verify — a reader does not append to a log it cannot vouch for;
 *  4. refusals: revoked (a list the reader was given, or a revocation already recorded in the log),
 *     the clock set back behind the issue time or the last recorded read, past due-at (rule 4,
 *     by this machine's clock). Each refusal is itself a log line, so it comes back on return;
 *  5. the read is logged (durably) and only then decrypted.
 */
import { hostname } from 'node:os';
import { SECTIONS, type Section } from '../../contract/dossiers';
import type { OfflineReading } from '../../contract/offline';
import { systemClock, type Clock } from '../clock';
import { ArchiveError } from '../errors';
import { decrypt } from '../vault/seal';
import { logKeyFor, unwrapPackageKey } from './keys';
import { loadPackageFile, logPathFor, payloadAad, verifyPackageFile, type PackagePayload } from './package-file';
import { appendLog, verifyLog, type LogLine } from './reading-log';
import { loadRevocations } from './revocation-list';

/** A laptop clock a few minutes behind the archive's is normal; more than this is a clock set back. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface OfflineReadRequest {
  file: string;
  passphrase: string;
  /** Sections to show; all the package holds unless given. */
  sections?: readonly Section[];
  /** Revocation list files (revocation-list.ts) this machine has. */
  revocations?: readonly string[];
  /** The archive's key fingerprint, when the reader knows it out of band. */
  expectedFingerprint?: string;
  clock?: Clock;
  workstation?: string;
  /** The log file; `<file>.readlog` unless given. */
  log?: string;
}

export async function readOfflinePackage(request: OfflineReadRequest): Promise<OfflineReading> {
  const file = loadPackageFile(request.file);
  verifyPackageFile(file, request.expectedFingerprint);
  const { header } = file;
  const revoked = new Set<string>();
  for (const path of request.revocations ?? []) for (const id of loadRevocations(path, header.archiveId, header.key.publicKey)) revoked.add(id);

  const packageKey = await unwrapPackageKey(header.package, header.kdf, header.wrappedKey, request.passphrase);
  const logKey = logKeyFor(packageKey, header.package);
  try {
    const logPath = request.log ?? logPathFor(request.file);
    const log = verifyLog(logPath, header.package, logKey);
    if (log.problem) throw new ArchiveError('offline.logBroken', { line: log.problem.line, kind: log.problem.kind });

    const now = (request.clock ?? systemClock).now();
    const wanted = request.sections ? SECTIONS.filter((s) => request.sections!.includes(s)) : header.sections;
    const shown = wanted.filter((s) => header.sections.includes(s));
    if (shown.length === 0) throw new ArchiveError('input.invalid', { detail: `sections: the package holds ${header.sections.join(', ')}` });
    const record = (outcome: LogLine['outcome'], reason: string | null) =>
      appendLog(logPath, header.package, logKey, log.lines, { at: now, workstation: request.workstation ?? hostname(), sections: outcome === 'ok' ? shown : [], outcome, reason });
    const refuse = (error: ArchiveError): never => {
      record('denied', error.code);
      throw error;
    };

    if (revoked.has(header.package) || log.lines.some((l) => l.reason === 'offline.revoked')) refuse(new ArchiveError('offline.revoked'));
    const lastAt = log.lines.reduce((max, l) => (l.at > max ? l.at : max), header.issuedAt);
    if (now.getTime() < new Date(lastAt).getTime() - CLOCK_SKEW_MS) refuse(new ArchiveError('offline.clockBehind', { now: now.toISOString(), last: lastAt }));
    if (now.toISOString() >= header.dueAt) refuse(new ArchiveError('offline.expired', { dueAt: header.dueAt }));

    record('ok', null);
    const plain = decrypt(packageKey, file.payload, payloadAad(header));
    // The signature held, so this only fails for a package the archive itself got wrong.
    if (!plain) throw new ArchiveError('offline.tampered', { detail: 'payload' });
    let payload: PackagePayload;
    try {
      payload = JSON.parse(plain.toString('utf8')) as PackagePayload;
    } finally {
      plain.fill(0);
    }
    const content: Record<string, unknown> = {};
    for (const s of shown) if (payload.dossier.content[s] !== undefined) content[s] = payload.dossier.content[s];
    return {
      package: header.package,
      dossier: { ...payload.dossier, sections: shown, content },
      watermark: { readerName: payload.reader.name, readerLogin: payload.reader.login, card: header.card, copyNumber: header.copyNumber, at: now.toISOString(), offline: true },
      dueAt: header.dueAt,
      keyFingerprint: header.key.fingerprint,
    };
  } finally {
    packageKey.fill(0);
    logKey.fill(0);
  }
}
