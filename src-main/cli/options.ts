/**
 * Which options each command takes. A command accepts the options its usage line shows (so --help
 * and the parser cannot disagree), its own `options`, and the global ones; anything else is bad
 * usage (exit 2), so `verify-export F --dossiers 5` is refused instead of silently ignored.
 */
import type { parseArgs } from 'node:util';
import type { CommandSpec } from './command-spec';

export type OptionSpecs = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** Options shared by several built-in commands; each command takes only those its usage shows. */
export const SHARED_OPTIONS = {
  archive: { type: 'string' },
  as: { type: 'string' },
  admin: { type: 'string' },
  name: { type: 'string' },
  login: { type: 'string' },
  department: { type: 'string' },
  rank: { type: 'string' },
  duty: { type: 'string', multiple: true },
  manager: { type: 'string' },
  code: { type: 'string' },
  'name-zh': { type: 'string' },
  'name-en': { type: 'string' },
  'holds-copy': { type: 'boolean' },
  'copy-suffix': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // A workstation of an archive server instead of --archive (cli/remote.ts)
  server: { type: 'string' },
  fingerprint: { type: 'string' },
} as const;

/** Accepted by every command. */
export const GLOBAL_OPTIONS = ['lang', 'help', 'password-stdin'] as const;

/** Shared options that commands read without showing them in their usage line. */
const UNSHOWN: Record<string, readonly string[]> = {
  demo: ['json'],
  'offline return': ['json'],
};

/** The `--name`s a usage line shows. */
export function optionsShownIn(usage: string): string[] {
  return [...usage.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
}

/** The option table for one command, from its usage line, its own options and the globals. */
export function optionsFor(name: string, usage: string, own: OptionSpecs = {}, needsArchive = false): OptionSpecs {
  const shared = SHARED_OPTIONS as OptionSpecs;
  const names = new Set<string>([...GLOBAL_OPTIONS, ...optionsShownIn(usage), ...(UNSHOWN[name] ?? []), ...(needsArchive ? ['archive', 'as'] : [])]);
  // Every command that works on an archive folder also works as a workstation of an archive server.
  if (names.has('archive')) names.add('server').add('fingerprint');
  const table: OptionSpecs = {};
  for (const option of names) {
    const spec = own[option] ?? shared[option];
    if (spec) table[option] = spec;
  }
  return Object.assign(table, own);
}

/** Every option any command takes: only for finding the command's words before its own parse. */
export function everyOption(commands: readonly Pick<CommandSpec, 'options'>[]): OptionSpecs {
  return Object.assign({}, SHARED_OPTIONS, ...commands.map((c) => c.options ?? {})) as OptionSpecs;
}
