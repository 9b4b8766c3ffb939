/**
 * The one-opener lock's figure (issue 11):
 * - second_opener_refused_ms: a second process calls unlock on an archive this process holds; the
 *   time from that call to its `vault.inUse` answer, median of several processes. Process start-up
 *   (Node and the TypeScript loader) is not part of it and goes to stderr for information.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { tryInChild } from '../helpers/opener';
import { median, report } from './report';

const RUNS = 7;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-opener-'));
  const folder = join(root, 'archive');
  const stateDir = join(root, 'state');
  const options = { stateDir, kdfTargetMs: 1, workstation: 'bench-holder' };
  try {
    const { session: created } = await initArchive({ folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'admin-password-1' }, options);
    await created.lock();
    const holder = await unlockArchive({ folder, login: 'admin', password: 'admin-password-1' }, options);
    const told: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await tryInChild(folder, 'admin', 'admin-password-1', stateDir);
      wall.push(performance.now() - started);
      if (result.ok || result.code !== 'vault.inUse') throw new Error(`the second opener was not refused: ${JSON.stringify(result)}`);
      told.push(result.ms);
    }
    await holder.lock();
    process.stderr.write(`second opener: process start to exit ${Math.round(median(wall))} ms (median, information)\n`);
    report('second_opener_refused_ms', median(told), 'ms', 1000);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
