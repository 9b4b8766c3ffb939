/**
 * An archive server on loopback for tests: a real archive (tests/helpers), unlocked by its
 * administrator, served over TLS 1.3 on an ephemeral port, with the certificate made beside it.
 */
import { join } from 'node:path';
import { certificateFolder, ensureCertificate } from '../../src-main/ipc/remote/certificate';
import { RemoteClient } from '../../src-main/ipc/remote/client';
import type { ServerLimits } from '../../src-main/ipc/remote/limits';
import { ArchiveServer } from '../../src-main/ipc/remote/server';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import type { Session } from '../../src-main/core/session';
import { ADMIN, type TestArchive, type TestPerson } from './archive';

export interface TestServer {
  server: ArchiveServer;
  /** The archive the server holds open (its administrator's): the journal its requests write. */
  archive: OpenArchive;
  /** The same, shaped as a session for helpers that read through one (lastEntries). */
  reader: Session;
  port: number;
  fingerprint: string;
  connect(fingerprint?: string | null): Promise<RemoteClient>;
  /** Connects and signs in; throws when the sign-in is refused. */
  signedIn(person: Pick<TestPerson, 'login' | 'password'>, workstation?: string): Promise<RemoteClient>;
  stop(): Promise<void>;
}

export async function serveArchive(
  archive: TestArchive,
  options: { limits?: Partial<ServerLimits>; idleOverrideSeconds?: number; idleCheckMs?: number } = {},
): Promise<TestServer> {
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  const certificate = await ensureCertificate(archive.folder);
  const server = new ArchiveServer({
    admin,
    certificate,
    host: '127.0.0.1',
    port: 0,
    throttleDir: join(certificateFolder(archive.folder), 'sign-in-state'),
    version: 'test',
    ...options,
  });
  const { port } = await server.listen();
  const connect = (fingerprint: string | null = certificate.fingerprint) =>
    RemoteClient.connect({ host: '127.0.0.1', port, fingerprint, connectTimeoutMs: 5000, callTimeoutMs: 60_000 });
  return {
    server,
    archive: admin.archive,
    reader: { archive: admin.archive } as Session,
    port,
    fingerprint: certificate.fingerprint,
    connect,
    async signedIn(person, workstation = `ws-${person.login}`) {
      const client = await connect();
      const answer = await client.signIn(person.login, person.password, workstation);
      if (!answer.ok) {
        await client.close();
        throw new Error(`sign-in refused for ${person.login}: ${answer.error.code}`);
      }
      return client;
    },
    stop: () => server.stop(),
  };
}
