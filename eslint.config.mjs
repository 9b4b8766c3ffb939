/**
 * Lint keeps the layers (architecture.md): renderer → contract ← ipc → core. The import rules per
 * folder are the point; beyond them only typescript-eslint's and react-hooks' rules for plain bugs.
 * No type-aware rules: lint stays a few seconds and needs no build.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, bare and with the node: prefix. */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];

const ELECTRON = ['electron', 'electron/*'];

/** Runtime-bound packages: the contract is shared by every runtime, so it may import none of them. */
const RUNTIME_PACKAGES = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'antd',
  'antd/*',
  '@ant-design/*',
  'i18next',
  'react-i18next',
  'better-sqlite3-multiple-ciphers',
  'argon2',
  'exceljs',
];

const restrict = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'src-main/cli/bin.cjs', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // TypeScript already reports these (and knows the globals of each side from its tsconfig).
      'no-undef': 'off',
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring to omit).
      // Visible, not blocking: an `any` is a smell, not a bug.
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests drive pages through Playwright, whose evaluate() callbacks see untyped page globals.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': restrict(
        [NODE_BUILTINS, 'The renderer runs in a sandboxed page without Node: ask main through the contract (window.triplicate).'],
        [ELECTRON, 'The renderer never touches Electron: the preload exposes window.triplicate.'],
        [
          [
            '**/src-main/core',
            '**/src-main/core/**',
            '**/src-main/ipc',
            '**/src-main/ipc/**',
            '**/src-main/app',
            '**/src-main/app/**',
            '**/src-main/cli',
            '**/src-main/cli/**',
            '**/src-main/preload/**',
            '**/src-main/index',
            '**/src-main/window',
          ],
          'The renderer may import from src-main/contract only.',
        ],
      ),
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [ELECTRON, 'The core runs in plain Node (CLI, tests, workers): Electron stays in app/ and ipc/.'],
        [
          [
            '**/ipc',
            '**/ipc/**',
            '**/app',
            '**/app/**',
            '**/cli',
            '**/cli/**',
            '**/preload',
            '**/preload/**',
            '**/src-renderer/**',
            '../../window',
            '../../index',
            '../window',
            '../index',
          ],
          'The core is imported by ipc, app and cli, never the other way round.',
        ],
      ),
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [[...NODE_BUILTINS, ...ELECTRON, ...RUNTIME_PACKAGES], 'The contract is shared by main, preload and renderer: plain TypeScript and zod only.'],
        [['../*', '../**'], 'The contract imports nothing outside src-main/contract.'],
      ),
    },
  },
  {
    // The texts sit one folder down, so `../` is still the contract; two levels up leaves it.
    files: ['src-main/contract/texts/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [[...NODE_BUILTINS, ...ELECTRON, ...RUNTIME_PACKAGES], 'The contract is shared by main, preload and renderer: plain TypeScript and zod only.'],
        [['../../*', '../../**'], 'The contract imports nothing outside src-main/contract.'],
      ),
    },
  },
  {
    // Bundled into the preload before the page's first script: types only (no zod, no schemas).
    files: ['src-main/contract/api-channels.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*'],
              allowTypeImports: true,
              message: 'The preload bundles the channel tables: `import type` only, so no zod or schema is evaluated before the page.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandboxed preload can require nothing but electron; it is bundled with the contract's channel tables.
    files: ['src-main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(electron|\\.\\./contract/(api-channels|early-answer))$)',
              allowTypeImports: true,
              message:
                'The preload imports electron and the channel tables (contract/api-channels, contract/early-answer) only; types from the contract are fine.',
            },
          ],
        },
      ],
    },
  },
);
