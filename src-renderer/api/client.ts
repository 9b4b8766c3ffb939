/**
 * A thin typed client over `window.triplicate`. Every preload function answers a `Result`; `call()`
 * unwraps it so screens can `await` a value and catch one error type that keeps the code and params
 * (the message is translated at display time, so a language switch re-translates it).
 */
import type { ErrorCode, ErrorParams } from '../../src-main/contract/errors';
import type { Result, TriplicateApi } from '../../src-main/contract/ipc';

/** A refusal or failure reported by main. `mainMessage` is main's own translation, kept as a fallback. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams | undefined,
    readonly mainMessage: string | undefined,
  ) {
    super(mainMessage ?? code);
    this.name = 'ApiError';
  }
}

/** The error as it may arrive: the contract says `{code, params}`; main may add a translated `message`. */
interface WireError {
  code: ErrorCode;
  params?: ErrorParams;
  message?: string;
}

export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (cause) {
    // A rejected invoke (bridge gone, main crashed) is not a refusal; report it as internal.
    throw new ApiError('internal', undefined, cause instanceof Error ? cause.message : undefined);
  }
  if (result.ok) return result.value;
  const error = result.error as WireError;
  throw new ApiError(error.code, error.params, typeof error.message === 'string' ? error.message : undefined);
}

/** The raw preload API; use with `call()`. */
export function api(): TriplicateApi {
  return window.triplicate;
}
