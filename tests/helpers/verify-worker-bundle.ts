/**
 * The journal verify worker as the built app ships it: verify-worker.ts bundled into one CommonJS
 * file (electron.vite.config.ts builds it as an entry of its own), with the options
 * journal-verify-1m.bench.ts bundles the CLI with. Benchmarks pass it as `workerScript`
 * (verify-pool.ts), so the worker start they time is the app's, not tsx compiling TypeScript inside
 * the worker, which only happens when running from the sources.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** Builds out/<name>/journal-verify-worker.js (inside the checkout, so it finds the native addon) and returns its path. */
export function bundleVerifyWorker(name: string): string {
  const dir = join(ROOT, 'out', name);
  rmSync(dir, { recursive: true, force: true });
  const outfile = join(dir, 'journal-verify-worker.js');
  buildSync({
    entryPoints: [join(ROOT, 'src-main/core/journal/verify-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'argon2', 'electron'],
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  });
  return outfile;
}
