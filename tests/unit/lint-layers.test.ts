/**
 * The layers are kept by lint (eslint.config.mjs): each case lints a file that is not in the tree,
 * with the project's own config, as if it lay in the given folder.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The import-rule messages ESLint reports for `code` as the file at `path`. */
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  expect(result, `${path} is linted (not ignored)`).toBeDefined();
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const RESTRICTED = /no-restricted-imports/;

describe('lint keeps the layers', () => {
  it('a renderer file may not import node:fs', async () => {
    const errors = await importErrors('src-renderer/features/lint-probe.tsx', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(RESTRICTED);
  });

  it('a renderer file may not import electron, a bare Node module or the main side beyond the contract', async () => {
    for (const from of [
      'electron',
      'fs',
      'path',
      '../../../src-main/core/session',
      '../../../src-main/ipc/router',
      '../../../src-main/app/idle-lock',
      '../../../src-main/cli/main',
    ]) {
      const errors = await importErrors('src-renderer/features/lint-probe.tsx', `import * as probe from '${from}';\nexport const p = probe;\n`);
      expect(errors, from).toHaveLength(1);
      expect(errors[0], from).toMatch(RESTRICTED);
    }
    expect(
      await importErrors(
        'src-renderer/features/lint-probe.tsx',
        "import { ERROR_CODES } from '../../src-main/contract/errors';\nexport const e = ERROR_CODES;\n",
      ),
    ).toEqual([]);
  });

  it('a core file may not import electron', async () => {
    const errors = await importErrors('src-main/core/lint-probe.ts', "import { app } from 'electron';\nexport const name = app.getName();\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(RESTRICTED);
  });

  it('a core file may not import ipc or app, and may import the core', async () => {
    for (const from of ['../../ipc/router', '../../app/session-manager', '../../cli/main']) {
      const errors = await importErrors('src-main/core/journal/lint-probe.ts', `import * as probe from '${from}';\nexport const p = probe;\n`);
      expect(errors, from).toHaveLength(1);
    }
    expect(await importErrors('src-main/core/journal/lint-probe.ts', "import { Journal } from './journal';\nexport const j = Journal;\n")).toEqual([]);
  });

  it('the preload imports electron and the channel tables only; contract types are fine', async () => {
    const ok =
      "import { contextBridge } from 'electron';\nimport { API_CHANNELS } from '../contract/api-channels';\nimport type { TriplicateApi } from '../contract/ipc';\nexport const x: [unknown, unknown, TriplicateApi | null] = [contextBridge, API_CHANNELS, null];\n";
    expect(await importErrors('src-main/preload/lint-probe.ts', ok)).toEqual([]);
    for (const from of ['../contract/ipc', 'zod', 'node:path']) {
      const errors = await importErrors('src-main/preload/lint-probe.ts', `import * as probe from '${from}';\nexport const p = probe;\n`);
      expect(errors, from).toHaveLength(1);
    }
  });

  it('the contract imports nothing runtime-specific, and the channel tables import types only', async () => {
    for (const from of ['react', 'node:crypto', 'electron', '../core/session']) {
      const errors = await importErrors('src-main/contract/lint-probe.ts', `import * as probe from '${from}';\nexport const p = probe;\n`);
      expect(errors, from).toHaveLength(1);
    }
    expect(
      await importErrors(
        'src-main/contract/lint-probe.ts',
        "import { z } from 'zod';\nimport { ERROR_CODES } from './errors';\nexport const s = [z, ERROR_CODES];\n",
      ),
    ).toEqual([]);
    const errors = await importErrors('src-main/contract/api-channels.ts', "import { CHANNELS } from './ipc';\nexport const c = CHANNELS;\n");
    expect(errors).toHaveLength(1);
    expect(await importErrors('src-main/contract/api-channels.ts', "import type { Channel } from './ipc';\nexport type C = Channel;\n")).toEqual([]);
  });
});
