/**
 * The reader fetching the signed revocation list from the archive server (issue 15, point 4):
 * the laptop connects as a workstation (the certificate pinned by its fingerprint), the borrower
 * signs in, `offline:revocationList` answers the list as text, and the reader keeps it exactly as
 * it keeps a list file opened by hand — its signature checked against the archive key it names.
 * The server journals the fetch; the connection carries nothing the list's signature does not cover.
 */
import { hostname } from 'node:os';
import type { Locale } from '../contract/messages';
import { ArchiveError } from '../core/errors';
import { parseAddress, RemoteClient, RemoteFailure } from '../ipc/remote/client';

export interface RevocationFetch {
  /** HOST:PORT of the archive server. */
  server: string;
  /** The certificate fingerprint the administrator gave out (shown by `triplicate serve`). */
  fingerprint: string;
  login: string;
  password: string;
  workstation?: string;
  locale?: Locale;
  timeoutMs?: number;
}

/** The list's text, or the server's refusal as an ArchiveError with its code. */
export async function fetchRevocationList(request: RevocationFetch): Promise<string> {
  let address: { host: string; port: number };
  try {
    address = parseAddress(request.server);
  } catch {
    throw new ArchiveError('input.invalid', { detail: 'server: HOST:PORT' });
  }
  const timeout = request.timeoutMs ?? 30_000;
  let client: RemoteClient;
  try {
    client = await RemoteClient.connect({
      ...address,
      fingerprint: request.fingerprint,
      locale: request.locale ?? 'en',
      connectTimeoutMs: timeout,
      callTimeoutMs: timeout,
    });
  } catch (error) {
    if (error instanceof RemoteFailure) throw new ArchiveError(error.info.code, error.info.params ?? {});
    throw error;
  }
  try {
    const signedIn = await client.signIn(request.login, request.password, request.workstation ?? hostname());
    if (!signedIn.ok) throw new ArchiveError(signedIn.error.code, signedIn.error.params ?? {});
    const answer = await client.call<{ list: string; count: number }>('offline:revocationList');
    if (!answer.ok) throw new ArchiveError(answer.error.code, answer.error.params ?? {});
    return answer.value.list;
  } finally {
    await client.signOut().catch(() => undefined);
    await client.close();
  }
}
