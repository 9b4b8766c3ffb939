/**
 * The `triplicate` CLI bundle (electron.vite.config.ts builds it with main, into out/main), beside
 * the journal-verify worker it starts (verify-pool.ts looks next to itself). esbuild, CommonJS,
 * leaving only the native addons to require. Two files, so `triplicate --help` compiles and runs
 * only what it needs (cli_help_s):
 * - cli.js, the entry: reads the command line and answers help and bad usage from the commands'
 *   descriptions (src-main/cli/command-specs.ts), inlined here as data;
 * - cli-commands.js: main.ts, the core and every command, required only when a command runs.
 *   Compiling that file took most of --help's time when everything was one file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

const CLI = resolve(__dirname, '..');
const EXTERNALS = ['better-sqlite3-multiple-ciphers', 'argon2', 'electron'];

export const CLI_ENTRY_FILE = 'cli.js';
export const CLI_COMMANDS_FILE = 'cli-commands.js';

/**
 * The contributed commands' descriptions as JSON, read by running the commands' modules once. The
 * native addons and electron are stand-ins: only module-level code runs, and the addons in
 * node_modules may be built for Electron or another architecture.
 */
export async function commandSpecsJson(): Promise<string> {
  const standIns: Plugin = {
    name: 'triplicate:cli-stand-ins',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${EXTERNALS.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'cli-stand-in' }));
      b.onLoad({ filter: /.*/, namespace: 'cli-stand-in' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
  const built = await build({
    stdin: {
      contents: "import { COMMAND_SPECS } from './command-specs';\nprocess.stdout.write(JSON.stringify(COMMAND_SPECS));",
      resolveDir: CLI,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    plugins: [standIns],
    logLevel: 'error',
  });
  const dir = mkdtempSync(join(tmpdir(), 'triplicate-cli-specs-'));
  try {
    const script = join(dir, 'specs.cjs');
    writeFileSync(script, built.outputFiles[0]!.text);
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`cli-bundle: the commands' descriptions could not be read:\n${run.stderr}`);
    JSON.parse(run.stdout); // fail the build here, not at the first --help
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds cli.js and cli-commands.js into outDir; returns what went into each. */
export async function buildCliBundle(outDir: string): Promise<{ entry: Metafile; commands: Metafile }> {
  const shared = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNALS,
    minify: true,
    keepNames: false,
    legalComments: 'none',
    logLevel: 'error',
    metafile: true,
  } as const;
  const specs = await commandSpecsJson();
  const entryOnly: Plugin = {
    name: 'triplicate:cli-entry',
    setup(b) {
      b.onLoad({ filter: /[\\/]cli[\\/]command-specs\.ts$/ }, () => ({
        contents: `import type { CommandSpec } from './command-spec';\nexport const COMMAND_SPECS: readonly CommandSpec[] = ${specs};\n`,
        loader: 'ts',
      }));
      // run.ts's `import('./main')`: the second file, loaded at run time.
      b.onResolve({ filter: /^\.\/main$/ }, (args) =>
        /[\\/]cli[\\/]run\.ts$/.test(args.importer) ? { path: `./${CLI_COMMANDS_FILE}`, external: true } : undefined,
      );
    },
  };
  const entry = await build({
    ...shared,
    entryPoints: [join(CLI, 'cli.ts')],
    outfile: join(outDir, CLI_ENTRY_FILE),
    plugins: [entryOnly],
    // import() as require(): the commands file is CommonJS; Node's ESM loader need not start for it.
    supported: { 'dynamic-import': false },
  });
  const commands = await build({ ...shared, entryPoints: [join(CLI, 'main.ts')], outfile: join(outDir, CLI_COMMANDS_FILE) });
  return { entry: entry.metafile, commands: commands.metafile };
}
