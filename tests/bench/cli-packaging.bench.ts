/**
 * Issue 19's figures:
 * - cli_help_s: `triplicate --help` as installed, through the launcher and the bundle (median of 7).
 * - app_payload_mb: the packaged app's own files (resources/: asar, unpacked natives, launchers,
 *   policy), from `electron-builder --linux dir` with a stand-in Electron (tests/helpers/packaging.ts).
 * cli_verify_1m_s is journal-verify-1m.bench.ts's (the bundled CLI over the cached 1M archive).
 * Builds the app first (`electron-vite build`) so the bundle measured is the current one.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, report } from './report';
import { packLinuxDir, ROOT, sizeOf } from '../helpers/packaging';

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (built.status !== 0) {
    // Say why: the build's own first error (e.g. a package missing from node_modules), not just that it failed.
    const output = `${built.stderr ?? ''}\n${built.stdout ?? ''}`;
    const reason = /^(?:Error|error|✘).*$/m.exec(output)?.[0] ?? output.trim().split('\n').slice(-5).join('\n');
    throw new Error(
      `electron-vite build failed: ${reason}${/failed to resolve import/.test(output) ? ' (node_modules is out of date: run `npm install`)' : ''}`,
    );
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
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
