#!/usr/bin/env node
// The `triplicate` command (package.json "bin"). It runs the bundle `npm run build` makes
// (out/main/cli.js: one file, starts in a fraction of the time tsx needs). In a development
// checkout where a source under src-main is newer than that bundle, or no bundle was built yet,
// it runs the TypeScript sources through tsx instead (a dev dependency), so `npx triplicate`
// and the tests never run stale code. TRIPLICATE_CLI=bundle|source forces one.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const bundle = join(root, 'out', 'main', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function useBundle() {
  const forced = process.env.TRIPLICATE_CLI;
  if (forced === 'bundle' || forced === 'source') return forced === 'bundle';
  if (!existsSync(bundle)) return false;
  return statSync(bundle).mtimeMs >= newestSource(join(root, 'src-main'));
}

if (useBundle()) {
  require(bundle);
} else {
  try {
    require.resolve('tsx/cjs');
  } catch {
    process.stderr.write('triplicate: out/main/cli.js is missing or older than the sources, and tsx is not installed: run `npm run build`.\n');
    process.exit(1);
  }
  require('tsx/cjs');
  // Not cli.ts: its import('./main') would go through Node's ESM resolver, which tsx/cjs does not hook.
  const { runCli } = require('./run.ts');
  runCli(process.argv.slice(2), async () => require('./main.ts')).then((code) => {
    process.exitCode = code;
  });
}
