/**
 * Reading a package on a laptop, with no archive: the app's reader (OfflineReader), the CLI's
 * `offline read` (inspectOfflinePackage, which shows what the package is and never its content)
 * and tests (readOfflinePackage). Content exists only in memory; nothing decrypted is ever written.
 *
 * Order matters:
 *  0. a package whose key was destroyed (returned, or found revoked) is refused at once;
 *  1. the file must verify (signature over header and ciphertext, key fingerprint) — before any
 *     passphrase is tried, so a tampered file is refused without spending argon2id on it;
 *  2. the passphrase opens the package key (argon2id), which also opens the log key;
 *  3. the reading log must verify — a reader does not append to a log it cannot vouch for;
 *  4. refusals: revoked (a list the reader was given or keeps, or a revocation already recorded in
 *     the log), the clock set back behind the issue time or the last recorded read, past due-at
 *     (rule 4, by this machine's clock). Each refusal is itself a log line, so it comes back on
 *     return; a revoked package also has its key destroyed in the file, so it never opens again;
 *  5. the read is logged (durably) and only then decrypted.
 */
import { hostname } from 'node:os';
import { SECTIONS, type DossierView, type Section } from '../../contract/dossiers';
import type { OfflineReading, OfflineWatermark } from '../../contract/offline';
import { systemClock, type Clock } from '../clock';
import { ArchiveError } from '../errors';
import { decrypt } from '../vault/seal';
import { logKeyFor, unwrapPackageKey } from './keys';
import {
  destroyPackageKey,
  isKeyDestroyed,
  loadPackageFile,
  logPathFor,
  payloadAad,
  verifyPackageFile,
  type PackageFile,
  type PackageHeader,
  type PackagePayload,
} from './package-file';
import { appendLog, verifyLog, type LogAction, type LogCheck, type LogLine } from './reading-log';
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

interface Unlocked {
  path: string;
  file: PackageFile;
  header: PackageHeader;
  packageKey: Buffer;
  logKey: Buffer;
  logPath: string;
  log: LogCheck;
  revoked: Set<string>;
  workstation: string;
  clock: Clock;
}

function revokedIds(header: PackageHeader, lists: readonly string[]): Set<string> {
  const revoked = new Set<string>();
  for (const path of lists) for (const id of loadRevocations(path, header.archiveId, header.key.publicKey)) revoked.add(id);
  return revoked;
}

/** Steps 0–3. A revoked package has its key destroyed here, whatever the passphrase. */
async function unlock(request: OfflineReadRequest, loaded?: PackageFile): Promise<Unlocked> {
  const file = loaded ?? loadPackageFile(request.file);
  if (isKeyDestroyed(file)) throw new ArchiveError('offline.destroyed', { package: file.header.package });
  verifyPackageFile(file, request.expectedFingerprint);
  const { header } = file;
  const revoked = revokedIds(header, request.revocations ?? []);
  let packageKey: Buffer;
  try {
    packageKey = await unwrapPackageKey(header.package, header.kdf, header.wrappedKey, request.passphrase);
  } catch (error) {
    // Known revoked: dead now, even for someone who does not have the passphrase.
    if (revoked.has(header.package)) {
      destroyPackageKey(request.file);
      throw new ArchiveError('offline.revoked');
    }
    throw error;
  }
  const logKey = logKeyFor(packageKey, header.package);
  const logPath = request.log ?? logPathFor(request.file);
  return {
    path: request.file,
    file,
    header,
    packageKey,
    logKey,
    logPath,
    log: verifyLog(logPath, header.package, logKey),
    revoked,
    workstation: request.workstation ?? hostname(),
    clock: request.clock ?? systemClock,
  };
}

function forget(u: Unlocked): void {
  u.packageKey.fill(0);
  u.logKey.fill(0);
}

/** Why this package may not be read now, or null (step 4). */
function refusalOf(u: Unlocked, now: Date): ArchiveError | null {
  if (u.revoked.has(u.header.package) || u.log.lines.some((l) => l.reason === 'offline.revoked')) return new ArchiveError('offline.revoked');
  const lastAt = u.log.lines.reduce((max, l) => (l.at > max ? l.at : max), u.header.issuedAt);
  if (now.getTime() < new Date(lastAt).getTime() - CLOCK_SKEW_MS) return new ArchiveError('offline.clockBehind', { now: now.toISOString(), last: lastAt });
  if (now.toISOString() >= u.header.dueAt) return new ArchiveError('offline.expired', { dueAt: u.header.dueAt });
  return null;
}

function record(u: Unlocked, now: Date, line: { outcome: LogLine['outcome']; reason: string | null; sections: Section[]; action?: LogAction }): void {
  const written = appendLog(u.logPath, u.header.package, u.logKey, u.log.lines, { at: now, workstation: u.workstation, ...line });
  u.log.lines.push(written);
}

/** Step 4: throws the refusal after logging it (and killing a revoked package). */
function check(u: Unlocked, now: Date, action: LogAction | undefined): void {
  if (u.log.problem) throw new ArchiveError('offline.logBroken', { line: u.log.problem.line, kind: u.log.problem.kind });
  const refusal = refusalOf(u, now);
  if (!refusal) return;
  record(u, now, { outcome: 'denied', reason: refusal.code, sections: [], ...(action ? { action } : {}) });
  if (refusal.code === 'offline.revoked') destroyPackageKey(u.path);
  throw refusal;
}

function payloadOf(u: Unlocked): PackagePayload {
  const plain = decrypt(u.packageKey, u.file.payload, payloadAad(u.header));
  // The signature held, so this only fails for a package the archive itself got wrong.
  if (!plain) throw new ArchiveError('offline.tampered', { detail: 'payload' });
  try {
    return JSON.parse(plain.toString('utf8')) as PackagePayload;
  } finally {
    plain.fill(0);
  }
}

function watermarkOf(u: Unlocked, payload: PackagePayload, now: Date): OfflineWatermark {
  return {
    readerName: payload.reader.name,
    readerLogin: payload.reader.login,
    card: u.header.card,
    copyNumber: u.header.copyNumber,
    at: now.toISOString(),
    offline: true,
  };
}

function sectionsOf(u: Unlocked, wanted: readonly Section[] | undefined): Section[] {
  const list = wanted ? SECTIONS.filter((s) => wanted.includes(s)) : u.header.sections;
  const shown = list.filter((s) => u.header.sections.includes(s));
  if (shown.length === 0) throw new ArchiveError('input.invalid', { detail: `sections: the package holds ${u.header.sections.join(', ')}` });
  return shown;
}

function customerNameOf(dossier: DossierView): string | null {
  const basic = dossier.content.basic as { customerName?: unknown } | undefined;
  return typeof basic?.customerName === 'string' ? basic.customerName : null;
}

/** One read of the given sections, one log line (tests and tools; the app uses OfflineReader). */
export async function readOfflinePackage(request: OfflineReadRequest): Promise<OfflineReading> {
  const u = await unlock(request);
  try {
    const now = u.clock.now();
    const shown = sectionsOf(u, request.sections);
    check(u, now, undefined);
    record(u, now, { outcome: 'ok', reason: null, sections: shown });
    const payload = payloadOf(u);
    const content: Record<string, unknown> = {};
    for (const s of shown) if (payload.dossier.content[s] !== undefined) content[s] = payload.dossier.content[s];
    return {
      package: u.header.package,
      dossier: { ...payload.dossier, sections: shown, content },
      watermark: watermarkOf(u, payload, now),
      dueAt: u.header.dueAt,
      keyFingerprint: u.header.key.fingerprint,
    };
  } finally {
    forget(u);
  }
}

/** What `offline read` shows: the package, never its content. */
export interface PackageInspection {
  package: string;
  dossierNumber: string;
  /** Only when the package may be read now (the name is inside the encrypted payload). */
  customerName: string | null;
  reader: { name: string; login: string } | null;
  card: string;
  copyNumber: string;
  issuedAt: string;
  dueAt: string;
  sections: Section[];
  log: { status: 'intact' | 'broken' | 'missing'; entries: number; problemLine: number | null };
  readable: boolean;
  refusal: ArchiveError | null;
}

/**
 * Opens the package as the reader would (the open is logged, a refusal too) and describes it.
 * A destroyed key needs no passphrase to be told.
 */
export async function inspectOfflinePackage(request: OfflineReadRequest): Promise<PackageInspection> {
  const file = loadPackageFile(request.file);
  const { header } = file;
  const base = {
    package: header.package,
    dossierNumber: header.dossierNumber,
    card: header.card,
    copyNumber: header.copyNumber,
    issuedAt: header.issuedAt,
    dueAt: header.dueAt,
    sections: header.sections,
  };
  if (isKeyDestroyed(file)) {
    return {
      ...base,
      customerName: null,
      reader: null,
      log: { status: 'missing', entries: 0, problemLine: null },
      readable: false,
      refusal: new ArchiveError('offline.destroyed', { package: header.package }),
    };
  }
  const u = await unlock(request, file);
  try {
    const now = u.clock.now();
    // The state after this open is logged (it is one more entry).
    const log = () =>
      ({
        status: u.log.problem ? 'broken' : u.log.lines.length === 0 ? 'missing' : 'intact',
        entries: u.log.lines.length,
        problemLine: u.log.problem?.line ?? null,
      }) as const;
    try {
      check(u, now, 'open');
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      return { ...base, customerName: null, reader: null, log: log(), readable: false, refusal: error };
    }
    record(u, now, { outcome: 'ok', reason: null, sections: [], action: 'open' });
    const payload = payloadOf(u);
    return {
      ...base,
      customerName: customerNameOf(payload.dossier),
      reader: { name: payload.reader.name, login: payload.reader.login },
      log: log(),
      readable: true,
      refusal: null,
    };
  } finally {
    forget(u);
  }
}

/** The revocation lists the reader keeps for a package's archive key (paths). */
export type ListSource = (archiveId: string, fingerprint: string) => readonly string[];

/** The reader window's view of an open package: what the title bar and the tabs need. */
export interface OpenedPackage {
  package: string;
  dossierNumber: string;
  customerName: string | null;
  secrecy: DossierView['secrecy'];
  card: string;
  copyNumber: string;
  dueAt: string;
  sections: Section[];
  reader: { name: string; login: string };
  /** The issuing archive's idle time, carried in the package; null for a package issued before it was. */
  idleLockMinutes: number | null;
}

export interface OfflineSectionView {
  section: Section;
  dossier: DossierView;
  watermark: OfflineWatermark;
  dueAt: string;
}

/**
 * A package open in the app's reader: the package key is held in main's memory only while the
 * view is open; every section shown and every print is checked (due time, clock, revocations)
 * and logged before it is decrypted. `close` zeroes the keys.
 */
export class OfflineReader {
  private closed = false;

  private constructor(
    private readonly u: Unlocked,
    private readonly lists: ListSource,
    readonly opened: OpenedPackage,
  ) {}

  /** Opens the package (one `open` line in the log), or refuses it. `lists` is asked again at every view. */
  static async open(request: Omit<OfflineReadRequest, 'revocations' | 'sections'>, lists: ListSource): Promise<OfflineReader> {
    const first = loadPackageFile(request.file);
    const u = await unlock({ ...request, revocations: lists(first.header.archiveId, first.header.key.fingerprint) }, first);
    try {
      const now = u.clock.now();
      check(u, now, 'open');
      record(u, now, { outcome: 'ok', reason: null, sections: [], action: 'open' });
      const payload = payloadOf(u);
      const opened: OpenedPackage = {
        package: u.header.package,
        dossierNumber: u.header.dossierNumber,
        customerName: customerNameOf(payload.dossier),
        secrecy: payload.dossier.secrecy,
        card: u.header.card,
        copyNumber: u.header.copyNumber,
        dueAt: u.header.dueAt,
        sections: u.header.sections,
        reader: { name: payload.reader.name, login: payload.reader.login },
        idleLockMinutes: idleMinutesOf(payload),
      };
      return new OfflineReader(u, lists, opened);
    } catch (error) {
      forget(u);
      throw error;
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** One section, for the screen (`view`) or for the print dialog (`print`); logged first. */
  show(section: Section, action: 'view' | 'print'): OfflineSectionView {
    if (this.closed) throw new ArchiveError('offline.notOpen');
    const u = this.u;
    const [shown] = sectionsOf(u, [section]);
    const now = u.clock.now();
    try {
      u.revoked = revokedIds(u.header, this.lists(u.header.archiveId, u.header.key.fingerprint));
      check(u, now, action);
    } catch (error) {
      this.close();
      throw error;
    }
    record(u, now, { outcome: 'ok', reason: null, sections: [shown!], action });
    const payload = payloadOf(u);
    const content = payload.dossier.content[shown!] === undefined ? {} : { [shown!]: payload.dossier.content[shown!] };
    return { section: shown!, dossier: { ...payload.dossier, sections: [shown!], content }, watermark: watermarkOf(u, payload, now), dueAt: u.header.dueAt };
  }

  /**
   * A revocation list just arrived: when it names this package, the refusal is logged, the key in
   * the file destroyed and the view closed. True when that happened.
   */
  refuseIfRevoked(): boolean {
    if (this.closed) return false;
    const u = this.u;
    u.revoked = revokedIds(u.header, this.lists(u.header.archiveId, u.header.key.fingerprint));
    if (!u.revoked.has(u.header.package)) return false;
    try {
      check(u, u.clock.now(), 'view');
    } catch {
      // The refusal is logged and the key destroyed; nothing else to say here.
    }
    this.close();
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    forget(this.u);
  }
}

/** The same range as the setting (1–120 minutes); anything else counts as absent. */
function idleMinutesOf(payload: PackagePayload): number | null {
  const minutes = payload.idleLockMinutes;
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 120 ? minutes : null;
}
