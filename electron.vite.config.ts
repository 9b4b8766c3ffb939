/**
 * One config builds the three parts (architecture.md): main (CommonJS, node_modules external),
 * the preload (one self-contained CommonJS file: a sandboxed preload cannot require anything but
 * `electron`) and the renderer (static files served from the app:// protocol).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { build, type Plugin } from 'vite';
import { buildCliBundle } from './src-main/cli/build/cli-bundle';
import { FIRST_SCREEN_FILE, type FirstScreens } from './src-main/contract/first-screen';

const root = __dirname;

/**
 * The renderer's one stylesheet goes into index.html as a <style> element: one request fewer before
 * the first paint (each costs a round trip to app:// or the e2e server), and the first screen's CSS is
 * there as soon as the page is. The CSP already allows inline styles (antd injects its own); it still
 * allows no inline script.
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'triplicate:inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const link = /<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"[^>]*>/.exec(html);
        const asset = link && bundle[link[1]!];
        if (!link || asset?.type !== 'asset') return html;
        const css = String(asset.source);
        if (css.includes('</style')) throw new Error('inlineStylesheet: the CSS contains </style');
        delete bundle[link[1]!]; // nothing else refers to it (cssCodeSplit: false, all CSS is here)
        return html.replace(link[0], () => `<style>${css}</style>`);
      },
    },
  };
}

/**
 * After the renderer is built, renders its unlock screen to HTML in both languages
 * (src-renderer/first-screen/prerender.tsx, through Vite's SSR build of the same sources) and writes
 * it beside index.html. Main serves the page with it inside (src-main/app/first-screen-html.ts):
 * the window paints the unlock screen before React DOM has even loaded, and React hydrates it.
 */
function prerenderFirstScreen(): Plugin {
  let outDir = '';
  return {
    name: 'triplicate:prerender-first-screen',
    apply: (config, { command }) => command === 'build' && !config.build?.ssr,
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      // Inside node_modules, so the SSR bundle's require('react-dom/server') finds the project's copy.
      const cacheDir = join(root, 'node_modules', '.cache');
      mkdirSync(cacheDir, { recursive: true });
      const ssrDir = mkdtempSync(join(cacheDir, 'triplicate-prerender-'));
      try {
        await build({
          configFile: false,
          root: resolve(root, 'src-renderer'),
          logLevel: 'silent',
          mode: 'production',
          plugins: [react()],
          // CommonJS: this config also runs under tsx (the e2e build), where import() becomes require().
          build: {
            ssr: resolve(root, 'src-renderer/first-screen/prerender.tsx'),
            outDir: ssrDir,
            emptyOutDir: true,
            minify: false,
            rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' } },
          },
        });
        const load = createRequire(join(ssrDir, 'package.json'));
        const { prerenderUnlockScreens } = load('./prerender.cjs') as { prerenderUnlockScreens: () => Promise<FirstScreens> };
        writeFileSync(join(outDir, FIRST_SCREEN_FILE), JSON.stringify(await prerenderUnlockScreens()));
      } finally {
        rmSync(ssrDir, { recursive: true, force: true });
      }
    },
  };
}

/** The `triplicate` CLI (src-main/cli/build/cli-bundle.ts), built with the main bundle into out/main. */
function bundleCli(): Plugin {
  return {
    name: 'triplicate:bundle-cli',
    apply: 'build',
    async closeBundle() {
      await buildCliBundle(resolve(root, 'out/main'));
    },
  };
}

/**
 * The printing fonts (resources/fonts: Noto Sans SC and Noto Serif SC, OFL) beside index.html as
 * fonts/, served from app:// like the rest of the page (CSP font-src 'self'). Not in the page's
 * own CSS: src-renderer/print/printPage.ts loads fonts/fonts.css only when something is printed.
 */
function copyPrintFonts(): Plugin {
  let outDir = '';
  return {
    name: 'triplicate:print-fonts',
    apply: (config, { command }) => command === 'build' && !config.build?.ssr,
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      cpSync(resolve(root, 'resources/fonts'), join(outDir, 'fonts'), { recursive: true });
    },
  };
}

/** The renderer build, shared with the e2e suite and the benchmark (which build only this part). */
export const rendererBuild = {
  root: resolve(root, 'src-renderer'),
  // Relative asset URLs: the page is served from app://triplicate/ in the app and from a loopback server in e2e.
  base: './',
  plugins: [react(), inlineStylesheet(), prerenderFirstScreen(), copyPrintFonts()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves minification off by default; the renderer's first paint depends on it.
    minify: true,
    // No inline <script> and no eval: the CSP allows neither (src-main/app/csp.ts).
    modulePreload: { polyfill: false },
    // One stylesheet linked from index.html. With code splitting, the CSS of the lazily loaded
    // unlocked app (features' own .css, e.g. the catalogue's fixed-height scroller) was never
    // attached: the catalogue then rendered all 100,000 rows and froze. Our CSS is small.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: resolve(root, 'src-renderer/index.html'),
      // Everything the first screen needs in one file: rolldown otherwise splits the entry's
      // dependencies that lazy chunks share (React, i18next, texts) into common chunks, one
      // request each before the first paint. Lazy chunks import them from the entry instead.
      output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial' as const] }] } },
    },
  },
};

export default defineConfig({
  main: {
    plugins: [bundleCli()],
    build: {
      outDir: resolve(root, 'out/main'),
      // The journal verifier's worker thread (src-main/core/journal/verify-pool.ts) and the server's
      // password-check process (src-main/ipc/remote/password-check.ts) are entries of their own.
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          'journal-verify-worker': resolve(root, 'src-main/core/journal/verify-worker.ts'),
          'password-check': resolve(root, 'src-main/ipc/remote/password-check-child.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle the contract (and zod) into the single file; nothing may be required at run time.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: { input: { index: resolve(root, 'src-main/preload/index.ts') }, external: ['electron'] },
    },
  },
  renderer: rendererBuild,
});
