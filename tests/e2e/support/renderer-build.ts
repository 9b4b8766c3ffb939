/**
 * Builds only the renderer, with the app's own renderer config (electron.vite.config.ts), into
 * out/renderer: the e2e suite and the first-paint benchmark load exactly what the app ships.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererBuild } from '../../../electron.vite.config';

export const ROOT = resolve(__dirname, '../../..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

let building: Promise<string> | null = null;

export function buildRenderer(log: (line: string) => void = () => {}): Promise<string> {
  building ??= (async () => {
    const started = Date.now();
    await build({ ...rendererBuild, configFile: false, logLevel: 'silent', mode: 'production' });
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('the renderer build produced no index.html');
    log(`renderer built in ${Date.now() - started} ms`);
    return RENDERER_DIR;
  })();
  return building;
}
