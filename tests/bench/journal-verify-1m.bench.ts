/**
 * Issue 19's `cli_verify_1m_s`, reported beside issue 12's `journal_verify_per_s` (core.bench.ts):
 * `triplicate journal verify` through the bundled CLI over the 1,000,000-entry bench archive
 * (journal-fixture.ts: every entry signed by the person it names), unlock and co-signature
 * included, in a process of its own as a user runs it. Information, no target.
 *
 * The bundle is made here with the options electron.vite.config.ts gives the CLI (one CommonJS
 * file, only the native addons left to require) and the verify worker beside it, where
 * verify-pool.ts looks, so the figure is the current code's without a whole app build.
 * `journal_verify_1m_per_s` is the same run as entries per second.
 *
 * Runnable alone: node -r tsx/cjs tests/bench/journal-verify-1m.bench.ts
 * (TRIPLICATE_BENCH_ENTRIES for a smaller archive while working on it.)
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';
import { AUDITOR, buildArchive } from './journal-fixture';
import { report } from './report';

const ROOT = join(__dirname, '..', '..');
const log = (line: string) => process.stderr.write(`[journal-verify-1m] ${line}\n`);
const ENTRIES = Number(process.env.TRIPLICATE_BENCH_ENTRIES ?? 1_000_000);

/** out/bench-verify-1m/: inside the checkout, so the bundle finds the native addons in node_modules. */
function bundleCli(): string {
  const dir = join(ROOT, 'out', 'bench-verify-1m');
  rmSync(dir, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'argon2', 'electron'],
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  };
  buildSync({ ...common, entryPoints: [join(ROOT, 'src-main/cli/cli.ts')], outfile: join(dir, 'cli.js') });
  buildSync({ ...common, entryPoints: [join(ROOT, 'src-main/core/journal/verify-worker.ts')], outfile: join(dir, 'journal-verify-worker.js') });
  return join(dir, 'cli.js');
}

async function main(): Promise<void> {
  const cli = bundleCli();
  const started = performance.now();
  const archive = await buildArchive(ENTRIES, log);
  log(`archive ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // This process's session would hold the archive: the CLI opens it alone.
  await archive.session.lock();
  try {
    const t0 = performance.now();
    const verify = spawnSync(
      process.execPath,
      [cli, 'journal', 'verify', '--archive', join(archive.root, 'archive'), '--as', AUDITOR.login, '--password-stdin', '--json'],
      {
        input: `${AUDITOR.password}\n`,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, TRIPLICATE_STATE_DIR: join(archive.root, 'state'), LANG: 'en_US.UTF-8' },
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    if (verify.status !== 0) throw new Error(`journal verify failed (${verify.status}): ${verify.stderr}${verify.stdout.slice(0, 2000)}`);
    const result = JSON.parse(verify.stdout) as { ok: boolean; count: number; signatures?: { attributable: boolean; unsigned: number } };
    if (!result.ok || !result.signatures?.attributable) throw new Error(`the bench archive did not verify: ${verify.stdout.slice(0, 2000)}`);
    log(`verified ${result.count} entries (unsigned ${result.signatures.unsigned}) in ${seconds.toFixed(2)} s`);
    report(ENTRIES === 1_000_000 ? 'cli_verify_1m_s' : `cli_verify_${ENTRIES}_s`, seconds, 's', 0);
    report('journal_verify_1m_per_s', result.count / seconds, 'entries/s', 0);
  } finally {
    rmSync(archive.root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
