/**
 * The one error type the core throws on purpose. Anything else that escapes an operation is
 * mapped by `toArchiveError` so callers only ever see a code they can translate.
 */
import type { ErrorCode, ErrorInfo, ErrorParams } from '../contract/errors';

export class ArchiveError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'ArchiveError';
    this.code = code;
    this.params = params;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, params: this.params };
  }
}

/** SQLite result codes that mean the bytes on disk are not a database we can trust. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX']);

export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.has(code);
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Another connection holds a lock SQLite would have to wait for (SQLITE_BUSY, SQLITE_LOCKED and their variants). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/** The folder, the disk or the file refuses writes. */
export function isReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^SQLITE_READONLY(_|$)/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM');
}

export function toArchiveError(error: unknown): ArchiveError {
  if (error instanceof ArchiveError) return error;
  if (isDamage(error)) return new ArchiveError('vault.damaged');
  if (isDiskFull(error)) return new ArchiveError('vault.diskFull');
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return new ArchiveError('journal.appendOnly');
  if (isBusy(error)) return new ArchiveError('vault.busy');
  if (isReadOnly(error)) return new ArchiveError('vault.readOnly');
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return new ArchiveError('vault.ioError', { detail: code });
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return new ArchiveError('vault.ioError', { detail: code });
  }
  return new ArchiveError('internal');
}
