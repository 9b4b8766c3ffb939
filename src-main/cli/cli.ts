/**
 * The CLI's process entry: bundled by `npm run build` into out/main/cli.js, beside the
 * journal-verify worker it starts (electron.vite.config.ts); bin.cjs loads that bundle.
 */
import { runCli } from './run';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
