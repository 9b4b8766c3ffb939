/**
 * The `triplicate` command for administrators and auditors: the same core the app uses, the same
 * policy and the same journal. Exit 0 on success, 1 when refused or failed (one line on stderr),
 * 2 on bad usage. Never a stack trace.
 */
import { resolve } from 'node:path';
import { formatError, type Locale } from '../contract/messages';
import { DUTIES, RANKS, type Duty } from '../contract/people';
import { ArchiveError, toArchiveError } from '../core/errors';
import { verifyArchiveJournal } from '../core/journal/service';
import * as people from '../core/people/service';
import type { Session } from '../core/session';
import { initArchive } from '../core/vault/init';
import { rekey } from '../core/vault/rekey';
import { recoverWithKey } from '../core/vault/recover';
import { promptPasswords, stdinPasswords, type PasswordSource } from './passwords';
import { text } from '../contract/texts/cli';
import { Interrupted, UsageError } from './usage';
import { unlockForCli } from './unlock';
import { runRemote } from './remote';
import { COMMANDS } from './commands';
import type { CommandContext } from './commands/types';
import { PERSON_COMMANDS, processIo, readCommandLine, type Io, type Values } from './command-line';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const line = readCommandLine(argv, COMMANDS, io);
  if ('exit' in line) return line.exit;
  const { values, positionals, locale } = line;
  try {
    await run(positionals, values, locale, io);
    return 0;
  } catch (error) {
    if (error instanceof Interrupted) return 130;
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    const failure = toArchiveError(error);
    io.err(formatError(failure.toInfo(), locale));
    if (process.env.TRIPLICATE_DEBUG && !(error instanceof ArchiveError)) io.err(String((error as Error)?.stack ?? error));
    return 1;
  }
}

function need(values: Values, name: keyof Values, locale: Locale): string {
  const value = values[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new UsageError(text(locale, 'required', { name: String(name) }));
  }
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag}: ${allowed.join(' | ')}`);
  return value as T;
}

async function run(positionals: string[], values: Values, locale: Locale, io: Io): Promise<void> {
  const command = positionals.join(' ');
  const source: () => Promise<PasswordSource> = async () => (values['password-stdin'] ? stdinPasswords(locale) : promptPasswords(locale));

  if (command === 'init') {
    const folder = resolve(need(values, 'archive', locale));
    const adminLogin = need(values, 'admin', locale);
    const adminName = need(values, 'name', locale);
    const passwords = await source();
    const adminPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login: adminLogin }), 'acting', true);
    const { session, recoveryKey } = await initArchive({
      folder,
      adminLogin,
      adminName,
      adminPassword,
      ...(values.department ? { adminDepartment: values.department } : {}),
      ...(values.rank ? { adminRank: oneOf(values.rank, RANKS, 'rank') } : {}),
    });
    const fingerprint = session.archive.keyring.signingKey.fingerprint;
    await session.lock('quit');
    io.out(text(locale, 'created', { folder }));
    io.out(text(locale, 'fingerprint', { fingerprint }));
    io.out(text(locale, 'recoveryKey'));
    io.out(`  ${recoveryKey}`);
    return;
  }

  if (command === 'recover') {
    // Recovery key first, then the administrator's new password (twice when typed).
    const folder = resolve(need(values, 'archive', locale));
    const login = need(values, 'login', locale);
    const passwords = await source();
    const recoveryKey = await passwords.next(text(locale, 'recoveryPrompt'), 'acting');
    const newPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login }), 'new', true);
    const session = await recoverWithKey({ folder, recoveryKey, login, newPassword });
    await session.lock('quit');
    io.out(text(locale, 'passwordChanged', { login }));
    return;
  }

  if (values.server !== undefined) {
    const passwords = await source();
    return runRemote(
      command,
      values as Record<string, string | boolean | string[] | undefined>,
      locale,
      io,
      passwords,
      (name) => need(values, name as keyof Values, locale),
      positionals,
    );
  }

  // A contributed command may take operands after its name (`verify-export FILE`): longest name wins.
  const contributed = [...COMMANDS].sort((a, b) => b.name.length - a.name.length).find((c) => command === c.name || command.startsWith(c.name + ' '));
  if (contributed) {
    const passwords = await source();
    const ctx: CommandContext = {
      values: values as CommandContext['values'],
      locale,
      out: io.out,
      err: io.err,
      passwords,
      need: (name) => need(values, name as keyof Values, locale),
      positionals: positionals.slice(contributed.name.split(' ').length),
    };
    if (contributed.needs === 'none') return contributed.run(ctx, null);
    const folder = resolve(need(values, 'archive', locale));
    const login = need(values, 'as', locale);
    const session = await unlockForCli(folder, login, passwords, locale, io.err);
    warnIntegrity(session, locale, io);
    try {
      return await contributed.run(ctx, session);
    } finally {
      await session.lock('quit');
    }
  }

  if (!(PERSON_COMMANDS as readonly string[]).includes(command))
    throw new UsageError(formatError({ code: 'input.unknownCommand', params: { command } }, locale));

  const folder = resolve(need(values, 'archive', locale));
  const login = need(values, 'as', locale);
  const passwords = await source();
  const session = await unlockForCli(folder, login, passwords, locale, io.err);
  warnIntegrity(session, locale, io);
  try {
    await runUnlocked(command, session, values, locale, io, passwords);
  } finally {
    await session.lock('quit');
  }
}

async function runUnlocked(command: string, session: Session, values: Values, locale: Locale, io: Io, passwords: PasswordSource): Promise<void> {
  switch (command) {
    case 'person add': {
      const login = need(values, 'login', locale);
      const duties = (values.duty ?? []).map((d) => oneOf(d, DUTIES, 'duty')) as Duty[];
      const newPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login }), 'new', true);
      const person = await people.addPerson(session, {
        login,
        name: need(values, 'name', locale),
        department: need(values, 'department', locale),
        rank: oneOf(need(values, 'rank', locale), RANKS, 'rank'),
        duties,
        managerLogin: values.manager,
        password: newPassword,
      });
      io.out(text(locale, 'personAdded', { login: person.login, name: person.name }));
      return;
    }
    case 'person list': {
      const list = await people.listPeople(session);
      if (values.json) io.out(JSON.stringify(list, null, 2));
      else for (const p of list) io.out([p.login, p.name, p.department, p.rank, p.duties.join(',') || '-', p.disabled ? 'disabled' : 'active'].join('\t'));
      return;
    }
    case 'person disable': {
      const person = await people.disablePerson(session, need(values, 'login', locale));
      io.out(text(locale, 'personDisabled', { login: person.login }));
      return;
    }
    case 'person duties': {
      const duties = (values.duty ?? []).map((d) => oneOf(d, DUTIES, 'duty'));
      const person = await people.setDuties(session, { login: need(values, 'login', locale), duties });
      io.out(text(locale, 'dutiesSet', { login: person.login, duties: person.duties.join(', ') || text(locale, 'none') }));
      return;
    }
    case 'person passwd': {
      const target = values.login ?? session.actor.login;
      const newPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login: target }), 'new', true);
      if (target.toLowerCase() === session.actor.login.toLowerCase()) await people.changeOwnPassword(session, newPassword);
      else await people.resetPassword(session, target, newPassword);
      io.out(text(locale, 'passwordChanged', { login: target }));
      return;
    }
    case 'department add': {
      const department = await people.addDepartment(session, {
        code: need(values, 'code', locale),
        nameZh: need(values, 'name-zh', locale),
        nameEn: need(values, 'name-en', locale),
        holdsCopy: values['holds-copy'] ?? false,
        copySuffix: values['copy-suffix'],
      });
      io.out(text(locale, 'departmentAdded', { code: department.code }));
      return;
    }
    case 'department list': {
      const list = await people.listDepartments(session);
      if (values.json) io.out(JSON.stringify(list, null, 2));
      else for (const d of list) io.out([d.code, d.nameZh, d.nameEn, d.holdsCopy ? d.copySuffix : '-'].join('\t'));
      return;
    }
    case 'rekey': {
      const report = await rekey(session);
      io.out(text(locale, 'rekeyed', report as unknown as Record<string, number>));
      return;
    }
    case 'journal verify': {
      const report = await verifyArchiveJournal(session);
      if (values.json) io.out(JSON.stringify(report, null, 2));
      if (!report.ok) {
        const seq = report.problem!.seq;
        if (!values.json) {
          io.out(text(locale, 'journalBroken', { seq, kind: report.problem!.kind }));
          // Every further problem, one line each (the first line is unchanged).
          for (const p of (report.problems ?? []).slice(1)) io.out(text(locale, 'journalBroken', { seq: p.seq, kind: p.kind }));
        }
        throw new ArchiveError('journal.broken', { seq, detail: report.problem!.kind });
      }
      if (!values.json) {
        io.out(text(locale, 'journalOk', { count: report.count, head: report.headHash.slice(0, 16), checkpoints: report.checkpointsVerified }));
        const signatures = report.signatures;
        if (signatures && signatures.signedFrom !== null) {
          io.out(
            text(locale, 'journalSigned', {
              from: signatures.signedFrom,
              unsigned: signatures.unsigned,
              after: signatures.afterLastCheckpoint,
            }),
          );
        }
        if (report.coSigned) io.out(text(locale, 'journalCoSigned', { seq: report.coSigned.seq }));
      }
      return;
    }
    default:
      throw new UsageError(formatError({ code: 'input.unknownCommand', params: { command } }, locale));
  }
}

/** What unlock found against this workstation's anchor (issue 12) is said before anything else. */
function warnIntegrity(session: Session, locale: Locale, io: { err: (line: string) => void }): void {
  const found = session.archive.integrity;
  if (found) io.err(formatError({ code: 'journal.behindAnchor', params: { kind: found.kind, seq: found.seq } }, locale));
}
