import { defineConfig } from 'vitest/config';

// Kept under tests/ because the top level of the repository is fixed by the design card. An .mts
// file: Vite loads it as the ES module it is (as .ts it warned that native config loading, a
// future default, would refuse ESM syntax in a file it takes for CommonJS).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'src-main/**/*.test.ts'],
    // Each argon2id derivation takes 64 MiB and a real encrypted file; keep workers to the cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // UI polls wait for a modal to close and a list to reload; 1 s (the default) is too short on a
    // loaded 2-core machine, where CI runs.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    env: { TRIPLICATE_KDF_TARGET_MS: '1' },
  },
});
