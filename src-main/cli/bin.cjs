#!/usr/bin/env node
// The `triplicate` command. The core is TypeScript; tsx compiles it on load so the CLI always runs
// the same source the app and the tests do, with nothing to build first.
require('tsx/cjs');
require('./stdio.ts').guardStdio();
const { main } = require('./main.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
