/**
 * Reading the command line: which command, in which language, with which options, and answering
 * `--help` and bad usage. Light on purpose: it knows the commands only by their descriptions
 * (command-spec.ts), so help and usage errors are answered without loading any command's code.
 */
import { parseArgs } from 'node:util';
import { formatError, localeFrom, type Locale } from '../contract/messages';
import type { CommandSpec } from './command-spec';
import { everyOption, optionsFor, type OptionSpecs, type SHARED_OPTIONS } from './options';
import { stdoutClosed } from './process-guards';
import { text } from '../contract/texts/cli';

/** The built-in commands run as a person on an unlocked archive (main.ts); each also runs through a server (remote.ts). */
export const PERSON_COMMANDS = [
  'person add',
  'person list',
  'person disable',
  'person duties',
  'person passwd',
  'department add',
  'department list',
  'rekey',
  'journal verify',
] as const;

/** The built-in commands; their usage lines are in text.ts. Contributed ones are in commands/. */
export const BUILTIN = ['init', 'recover', ...PERSON_COMMANDS] as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof SHARED_OPTIONS; allowPositionals: true }>>['values'];

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => {
    if (!stdoutClosed()) process.stdout.write(line + '\n');
  },
  err: (line) => process.stderr.write(line + '\n'),
};

/** A command as the parser sees it: its words, its usage line and its option table. */
interface Parsed {
  name: string;
  usage: string;
  options: OptionSpecs;
}

/** A command to run, or the exit code of a command line already answered (help, bad usage). */
export type CommandLine = { exit: number } | { command: Parsed; values: Values; positionals: string[]; locale: Locale };

function systemLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
}

function builtinUsage(locale: Locale, name: string): string {
  const line = text(locale, 'usage')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(name + ' ') || l === name);
  return line ?? name;
}

/** The command named by the leading positionals (longest name wins), or null. */
function findCommand(positionals: string[], locale: Locale, commands: readonly CommandSpec[]): Parsed | null {
  const words = positionals.join(' ');
  const names = [...BUILTIN, ...commands.map((c) => c.name)].sort((a, b) => b.length - a.length);
  const name = names.find((n) => words === n || words.startsWith(n + ' '));
  if (!name) return null;
  const contributed = commands.find((c) => c.name === name);
  if (contributed) {
    return { name, usage: contributed.usage[locale], options: optionsFor(name, contributed.usage.en, contributed.options, contributed.needs === 'unlocked') };
  }
  return { name, usage: builtinUsage(locale, name), options: optionsFor(name, builtinUsage('en', name)) };
}

/** parseArgs's own messages are English only; say the two that matter in the user's language. */
function parseProblem(error: Error & { code?: string }, command: string, locale: Locale): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return text(locale, 'unknownOption', { option, command });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return text(locale, 'badOptionValue', { option, command });
  return error.message;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').slice(0, 300);
}

export function readCommandLine(argv: string[], commands: readonly CommandSpec[], io: Io): CommandLine {
  let locale: Locale = localeFrom(systemLocale());
  // First pass: only to find the command's words and the language; options are judged per command below.
  const loose = parseArgs({ args: argv, options: everyOption(commands), allowPositionals: true, strict: false });
  if (typeof loose.values.lang === 'string') locale = localeFrom(loose.values.lang);
  const command = findCommand(loose.positionals, locale, commands);
  if (!command) {
    const extra = commands.map((c) => `  ${c.usage[locale]}`).join('\n');
    const usage = text(locale, 'usage') + (extra ? `\n\n${extra}` : '');
    if (loose.positionals.length === 0) {
      (loose.values.help ? io.out : io.err)(usage);
      return { exit: loose.values.help ? 0 : 2 };
    }
    io.err(formatError({ code: 'input.unknownCommand', params: { command: loose.positionals.join(' ') } }, locale));
    return { exit: 2 };
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true }) as unknown as {
      values: Values;
      positionals: string[];
    });
  } catch (error) {
    const problem = parseProblem(error as Error, command.name, locale);
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // An option this command does not take: say so, then what it does take.
      io.err(problem);
      io.err(text(locale, 'commandUsage', { usage: command.usage }));
    } else {
      // One line: what was wrong and where to look, not the whole usage (a bad number such as `-5`
      // used to bury its reason under it).
      io.err(`${oneLine(problem)} (triplicate ${command.name} --help)`);
    }
    return { exit: 2 };
  }
  if (values.help) {
    io.out(text(locale, 'commandUsage', { usage: command.usage }) + '\n\n' + text(locale, 'globalOptions'));
    return { exit: 0 };
  }
  return { command, values, positionals, locale };
}
