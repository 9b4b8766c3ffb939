/**
 * Builds only the renderer, with the app's own renderer config (electron.vite.config.ts): the e2e
 * suite and the benchmarks load exactly what the app ships.
 *
 * Each test process builds into its own temporary folder, never into out/renderer. Test files run
 * in parallel processes, and the build empties its output folder first: when every process built
 * into out/renderer, one file's build emptied the folder while another file's page was loading it,
 * and that page never showed its first screen (a CI failure). out/ belongs to `npm run build`
 * (the Electron driver and the security scan read it).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererBuild } from '../../../electron.vite.config';

export const ROOT = resolve(__dirname, '../../..');

const REACT_DEV_ONLY = 'Each child in a list should have a unique';

let building: Promise<string> | null = null;

export function buildRenderer(log: (line: string) => void = () => {}): Promise<string> {
  building ??= (async () => {
    const started = Date.now();
    const outDir = mkdtempSync(join(tmpdir(), 'triplicate-renderer-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    // Vite and the React plugin take "production" from the process's NODE_ENV, and vitest runs
    // with NODE_ENV=test: the suite then tested React's and Ant Design's development builds, not
    // what ships. NODE_ENV is set for the build only (one build per process, nothing else runs
    // in this process meanwhile: the e2e files await it in beforeAll).
    const testEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ ...rendererBuild, build: { ...rendererBuild.build, outDir }, configFile: false, logLevel: 'silent', mode: 'production' });
    } finally {
      if (testEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = testEnv;
    }
    if (!existsSync(join(outDir, 'index.html'))) throw new Error('the renderer build produced no index.html');
    const assets = join(outDir, 'assets');
    // A development-only React warning in any chunk means a development build slipped through.
    if (readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(REACT_DEV_ONLY))) {
      throw new Error("the renderer build contains React's development build");
    }
    log(`renderer built in ${Date.now() - started} ms into ${outDir}`);
    return outDir;
  })();
  return building;
}
