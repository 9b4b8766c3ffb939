/**
 * The CLI's process entry: bundled by `npm run build` into out/main/cli.js (and the commands it
 * loads on demand into cli-commands.js), beside the journal-verify worker (src-main/cli/build/cli-bundle.ts); bin.cjs
 * loads that bundle.
 */
import { runCli } from './run';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
