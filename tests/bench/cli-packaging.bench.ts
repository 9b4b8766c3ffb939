/**
 * Issue 19's figures:
 * - cli_help_s: `triplicate --help` as installed, through the launcher and the bundle (median of 7).
 * - app_payload_mb: the packaged app's own files (resources/: asar, unpacked natives, launchers,
 *   policy), from `electron-builder --linux dir` with a stand-in Electron (tests/helpers/packaging.ts).
 * - cli_verify_1m_s: `triplicate journal verify` through the bundle over the 1,000,000-entry bench
 *   archive (journal-fixture.ts), unlock included; reported beside journal_verify_per_s.
 * Builds the app first (`electron-vite build`) so the bundle measured is the current one.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AUDITOR, buildArchive } from './journal-fixture';
import { median, report } from './report';
import { packLinuxDir, ROOT, sizeOf } from '../helpers/packaging';

const log = (line: string) => process.stderr.write(`[cli-packaging] ${line}\n`);
const ENTRIES = Number(process.env.TRIPLICATE_BENCH_ENTRIES ?? 1_000_000);

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) {
    // Say why: the build's own first error (e.g. a package missing from node_modules), not just that it failed.
    const output = `${built.stderr ?? ''}\n${built.stdout ?? ''}`;
    const reason = /^(?:Error|error|✘).*$/m.exec(output)?.[0] ?? output.trim().split('\n').slice(-5).join('\n');
    throw new Error(`electron-vite build failed: ${reason}${/failed to resolve import/.test(output) ? ' (node_modules is out of date: run `npm install`)' : ''}`);
  }

  const launcher = join(ROOT, 'src-main', 'cli', 'bin.cjs');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [launcher, '--help'], { env: { ...process.env, TRIPLICATE_CLI: 'bundle' }, stdio: 'ignore' });
    if (run.status !== 0) throw new Error('triplicate --help failed');
    times.push((performance.now() - started) / 1000);
  }
  report('cli_help_s', median(times), 's', 0.4);

  const { work, appDir } = await packLinuxDir();
  try {
    report('app_payload_mb', sizeOf(join(appDir, 'resources')) / (1024 * 1024), 'MB', 30);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  log(`building a ${ENTRIES}-entry archive`);
  const archive = await buildArchive(ENTRIES, log);
  try {
    // The fixture's own session holds the archive's single-opener lock: release it, as the
    // auditor would close the app before running the CLI.
    await archive.session.lock();
    const started = performance.now();
    const verify = spawnSync(
      process.execPath,
      [launcher, 'journal', 'verify', '--archive', join(archive.root, 'archive'), '--as', AUDITOR.login, '--password-stdin'],
      { input: `${AUDITOR.password}\n`, encoding: 'utf8', env: { ...process.env, TRIPLICATE_CLI: 'bundle', TRIPLICATE_STATE_DIR: join(archive.root, 'state'), LANG: 'en_US.UTF-8' } },
    );
    const seconds = (performance.now() - started) / 1000;
    if (verify.status !== 0) throw new Error(`journal verify failed: ${verify.stderr}`);
    log(verify.stdout.trim());
    report(ENTRIES === 1_000_000 ? 'cli_verify_1m_s' : `cli_verify_${ENTRIES}_s`, seconds, 's', 0);
  } finally {
    await archive.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
