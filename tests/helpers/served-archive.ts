/**
 * An archive with an auditor, served by `triplicate serve` in its own process for the tests of a
 * file (register inside the file, outside any `it`), and the CLI's options to reach it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ADMIN, makeArchive, type TestArchive } from './archive';
import { startServe, type ServeProcess } from './serve-process';

export const AUDITOR = {
  login: 'shen.sj',
  name: '沈审计',
  department: 'audit',
  rank: 'staff' as const,
  duties: ['auditor' as const],
  password: 'shen-password-01',
};

export interface ServedArchive {
  archive: TestArchive;
  serve: ServeProcess;
  /** A temporary folder for the files commands write. */
  outDir: string;
}

export function useServedArchive(outPrefix: string): ServedArchive {
  const served = {} as ServedArchive;
  beforeAll(async () => {
    served.archive = await makeArchive();
    await served.archive.addPerson(AUDITOR);
    served.outDir = mkdtempSync(join(tmpdir(), outPrefix));
    served.serve = await startServe(served.archive.folder, ADMIN.login, ADMIN.password, { TRIPLICATE_STATE_DIR: served.archive.stateDir });
  }, 120_000);
  afterAll(async () => {
    if (served.serve && served.serve.child.exitCode === null) {
      served.serve.child.kill('SIGKILL');
      await served.serve.exited;
    }
    if (served.outDir) rmSync(served.outDir, { recursive: true, force: true });
    served.archive?.cleanup();
  });
  return served;
}

/** `--server … --fingerprint … --as LOGIN --password-stdin --lang en` for the served archive. */
export function serverOptions(served: ServedArchive, login: string, fingerprint = served.serve.fingerprint): string[] {
  return ['--server', `127.0.0.1:${served.serve.port}`, '--fingerprint', fingerprint, '--as', login, '--password-stdin', '--lang', 'en'];
}
