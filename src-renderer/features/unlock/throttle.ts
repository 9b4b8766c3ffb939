/**
 * How long main asks us to wait after too many failed unlocks (`vault.throttled`). The seconds come in
 * `params.seconds`; if only main's sentence arrived, the number is read from it.
 */
import { ApiError } from '../../api/client';

export function throttleSeconds(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'vault.throttled') return null;
  const fromParams = Number(error.params?.seconds);
  if (Number.isFinite(fromParams) && fromParams > 0) return Math.ceil(fromParams);
  const fromMessage = error.mainMessage?.match(/(\d+(?:\.\d+)?)/);
  if (fromMessage?.[1]) return Math.ceil(Number(fromMessage[1]));
  return 1;
}
