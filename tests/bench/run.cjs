#!/usr/bin/env node
// `npm run bench`: runs every tests/bench/*.bench.ts in its own process (one process per file so a
// heavy benchmark cannot skew the next) and prints their JSON lines, one object per line:
// {"bench": "<name>", "value": <number>, "unit": "<unit>", "target": <number>}.
// Diagnostics go to stderr. `npm run bench -- catalogue` runs only files whose name contains "catalogue".
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const filter = process.argv[2] ?? '';
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', join(__dirname, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of result.stdout.split('\n')) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line);
      if (typeof row.bench === 'string' && typeof row.value === 'number') {
        process.stdout.write(JSON.stringify(row) + '\n');
        continue;
      }
    } catch {
      /* not a result line */
    }
    process.stderr.write(`${file}: ${line}\n`);
  }
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${file} exited with ${result.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
