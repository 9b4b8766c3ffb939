/** A CLI command contributed by a feature. `main.ts` parses, unlocks when asked, dispatches and maps errors. */
import type { parseArgs } from 'node:util';
import type { Locale } from '../../contract/messages';
import type { Session } from '../../core/session';
import type { PasswordSource } from '../passwords';

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  values: ParsedValues;
  locale: Locale;
  out(line: string): void;
  err(line: string): void;
  /** Passwords beyond the acting person's (e.g. a new person's); same source as the first. */
  passwords: PasswordSource;
  /** Required string option or a usage error (exit 2). */
  need(name: string): string;
  /** Operands after the command's name (e.g. the FILE of `verify-export FILE`). */
  positionals: string[];
}

export interface Command {
  /** e.g. 'journal export'. */
  name: string;
  /** Extra options this command accepts, in node:util parseArgs form. */
  options?: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  /** One usage line per language for --help. */
  usage: { en: string; 'zh-CN': string };
  /** 'unlocked': main unlocks with --archive/--as first and locks afterwards. 'none': no archive needed. */
  needs: 'unlocked' | 'none';
  run(ctx: CommandContext, session: Session | null): Promise<void>;
}
