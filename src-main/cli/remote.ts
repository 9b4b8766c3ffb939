/**
 * The CLI as a workstation: `--server HOST:PORT --fingerprint FP` instead of `--archive DIR`.
 * The command signs in on the archive server as --as and runs through the contract's channels, so
 * the server's core decides and journals; output and exit codes are those of the local command.
 * Files the server writes for the person (exports) come back over the connection and are written
 * here, owner-readable only, never replacing a file without --force.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ErrorInfo } from '../contract/errors';
import type { ChainReportView, ExportOutcomeView } from '../contract/ipc-journal';
import type { LoanView } from '../contract/loans';
import { interpolate, type Locale } from '../contract/messages';
import { DUTIES, RANKS, type DepartmentView, type PersonView } from '../contract/people';
import type { Result } from '../contract/ipc';
import type { ArchiveSettings } from '../contract/settings';
import { ArchiveError } from '../core/errors';
import { manifestPath } from '../core/journal/export/manifest';
import { writeFileAtomic } from '../core/vault/files';
import { parseAddress, RemoteClient, RemoteFailure } from '../ipc/remote/client';
import { journalExportSentences } from './commands/journal-export';
import { loanLine, loanSentences } from './commands/loans';
import { offlineSentences } from './commands/offline';
import { printSettings, settingChangeLine, settingsGetKey, settingsSetChange } from './commands/settings';
import type { PasswordSource } from './passwords';
import { text } from '../contract/texts/cli';
import { PERSON_COMMANDS } from './command-line';
import { UsageError } from './usage';

type Values = Record<string, string | boolean | string[] | undefined>;

export interface RemoteIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Commands that work against a server; the others need the archive folder itself. */
export const REMOTE_COMMANDS = [
  ...PERSON_COMMANDS,
  'journal export',
  'loan list',
  'register export',
  'offline revocations',
  'settings get',
  'settings set',
] as const;

const str = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

/** A server-side failure keeps its code (and so its exit code); its message is the server's, in our language. */
class ServerRefusal extends ArchiveError {
  constructor(readonly info: ErrorInfo) {
    super(info.code, info.params ?? {});
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ServerRefusal(result.error);
  return result.value;
}

export async function runRemote(
  words: string,
  values: Values,
  locale: Locale,
  io: RemoteIo,
  passwords: PasswordSource,
  need: (name: string) => string,
  positionals: string[] = [],
): Promise<void> {
  // A command may take operands after its name (`settings get KEY`): they follow its words.
  const command = REMOTE_COMMANDS.find((name) => words === name || words.startsWith(name + ' '));
  if (!command) throw new ArchiveError('remote.unsupported', { channel: words });
  const operands = positionals.slice(command.split(' ').length);
  // Checked before the password is asked and anything is sent, as the local command does.
  const settingsChange = command === 'settings set' ? settingsSetChange(operands, locale) : null;
  const settingsKey = command === 'settings get' ? settingsGetKey(operands, locale) : undefined;
  let address: { host: string; port: number };
  try {
    address = parseAddress(need('server'));
  } catch {
    throw new UsageError(text(locale, 'badServer'));
  }
  const login = need('as');
  const fingerprint = str(values, 'fingerprint') ?? null;
  const password = await passwords.next(text(locale, 'passwordPrompt', { login }), 'acting');
  let client: RemoteClient;
  try {
    client = await RemoteClient.connect({ ...address, fingerprint, locale });
  } catch (error) {
    if (error instanceof RemoteFailure) throw new ServerRefusal(error.info);
    throw error;
  }
  try {
    unwrap(await client.signIn(login, password));
    if (command === 'settings get') {
      printSettings(unwrap(await client.call<ArchiveSettings>('settings:get')), settingsKey, values.json === true, io.out);
    } else if (settingsChange) {
      const before = unwrap(await client.call<ArchiveSettings>('settings:get'));
      const after = unwrap(await client.call<ArchiveSettings>('settings:update', settingsChange.update));
      io.out(settingChangeLine(locale, settingsChange.key, before, after));
    } else {
      await runSignedIn(client, command, values, locale, io, passwords, need);
    }
  } finally {
    await client.signOut().catch(() => undefined);
    await client.close();
  }
}

async function runSignedIn(
  client: RemoteClient,
  command: string,
  values: Values,
  locale: Locale,
  io: RemoteIo,
  passwords: PasswordSource,
  need: (name: string) => string,
): Promise<void> {
  const oneOf = <T extends string>(value: string, allowed: readonly T[], flag: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag}: ${allowed.join(' | ')}`);
    return value as T;
  };
  const duties = () => ((values.duty as string[] | undefined) ?? []).map((d) => oneOf(d, DUTIES, 'duty'));
  switch (command) {
    case 'person add': {
      const newLogin = need('login');
      const newPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login: newLogin }), 'new', true);
      const person = unwrap(
        await client.call<PersonView>('people:add', {
          login: newLogin,
          name: need('name'),
          department: need('department'),
          rank: oneOf(need('rank'), RANKS, 'rank'),
          duties: duties(),
          ...(str(values, 'manager') ? { managerLogin: str(values, 'manager') } : {}),
          password: newPassword,
        }),
      );
      return io.out(text(locale, 'personAdded', { login: person.login, name: person.name }));
    }
    case 'person list': {
      const list = unwrap(await client.call<PersonView[]>('people:list'));
      if (values.json) return io.out(JSON.stringify(list, null, 2));
      for (const p of list) io.out([p.login, p.name, p.department, p.rank, p.duties.join(',') || '-', p.disabled ? 'disabled' : 'active'].join('\t'));
      return;
    }
    case 'person disable': {
      const person = unwrap(await client.call<PersonView>('people:disable', { login: need('login') }));
      return io.out(text(locale, 'personDisabled', { login: person.login }));
    }
    case 'person duties': {
      const person = unwrap(await client.call<PersonView>('people:setDuties', { login: need('login'), duties: duties() }));
      return io.out(text(locale, 'dutiesSet', { login: person.login, duties: person.duties.join(', ') || text(locale, 'none') }));
    }
    case 'person passwd': {
      const me = unwrap(await client.call<{ login: string } | null>('session:current'));
      const target = str(values, 'login') ?? me?.login ?? '';
      const newPassword = await passwords.next(text(locale, 'newPasswordPrompt', { login: target }), 'new', true);
      if (target.toLowerCase() === me?.login.toLowerCase()) unwrap(await client.call('people:changeOwnPassword', { password: newPassword }));
      else unwrap(await client.call('people:resetPassword', { login: target, password: newPassword }));
      return io.out(text(locale, 'passwordChanged', { login: target }));
    }
    case 'department add': {
      const department = unwrap(
        await client.call<DepartmentView>('departments:add', {
          code: need('code'),
          nameZh: need('name-zh'),
          nameEn: need('name-en'),
          holdsCopy: values['holds-copy'] === true,
          ...(str(values, 'copy-suffix') ? { copySuffix: str(values, 'copy-suffix') } : {}),
        }),
      );
      return io.out(text(locale, 'departmentAdded', { code: department.code }));
    }
    case 'department list': {
      const list = unwrap(await client.call<DepartmentView[]>('departments:list'));
      if (values.json) return io.out(JSON.stringify(list, null, 2));
      for (const d of list) io.out([d.code, d.nameZh, d.nameEn, d.holdsCopy ? d.copySuffix : '-'].join('\t'));
      return;
    }
    case 'rekey': {
      const report = unwrap(await client.call<Record<string, number>>('vault:rekey'));
      return io.out(text(locale, 'rekeyed', report));
    }
    case 'journal verify': {
      const report = unwrap(await client.call<ChainReportView>('journal:verify'));
      if (values.json) io.out(JSON.stringify(report, null, 2));
      if (!report.ok) {
        const seq = report.problem!.seq;
        if (!values.json) io.out(text(locale, 'journalBroken', { seq, kind: report.problem!.kind }));
        throw new ArchiveError('journal.broken', { seq, detail: report.problem!.kind });
      }
      if (!values.json) io.out(text(locale, 'journalOk', { count: report.count, head: report.headHash.slice(0, 16), checkpoints: report.checkpointsVerified }));
      return;
    }
    case 'journal export':
      return journalExport(client, values, locale, io, need);
    case 'loan list': {
      const department = str(values, 'department');
      const rows = unwrap(await client.call<LoanView[]>('loans:list', { ...(department ? { department } : {}), overdue: values.overdue === true }));
      if (values.json) return io.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return io.out(loanSentences[locale].none);
      io.out(loanSentences[locale].header);
      for (const row of rows) io.out(loanLine(row));
      return;
    }
    case 'register export': {
      const department = need('department');
      const out = resolve(need('out'));
      refuseExisting(out, values);
      const result = unwrap(await client.call<{ file: string | null; count: number }>('register:export', { department }, { saveAs: basename(out) }));
      if (result.file) writeFileAtomic(out, unwrap(await client.download(result.file)));
      return io.out(interpolate(loanSentences[locale].exported, { count: result.count, department, file: out }));
    }
    case 'offline revocations': {
      // A laptop fetching the signed list from the server (issue 15); the list is checked where it is used.
      const out = resolve(need('out'));
      refuseExisting(out, values);
      const result = unwrap(await client.call<{ list: string; count: number }>('offline:revocationList'));
      writeFileAtomic(out, Buffer.from(result.list, 'utf8'));
      return io.out(interpolate(offlineSentences[locale].revocations, { count: result.count, file: out }));
    }
    default:
      throw new ArchiveError('remote.unsupported', { channel: command });
  }
}

async function journalExport(client: RemoteClient, values: Values, locale: Locale, io: RemoteIo, need: (name: string) => string): Promise<void> {
  const t = journalExportSentences[locale];
  const format = need('format');
  if (!['csv', 'xlsx', 'jsonl'].includes(format)) throw new UsageError(interpolate(t.oneOf, { flag: 'format', allowed: 'csv | xlsx | jsonl' }));
  const outcome = str(values, 'outcome');
  if (outcome !== undefined && !['ok', 'denied', 'error'].includes(outcome)) {
    throw new UsageError(interpolate(t.oneOf, { flag: 'outcome', allowed: 'ok | denied | error' }));
  }
  const out = resolve(need('out'));
  refuseExisting(out, values);
  refuseExisting(manifestPath(out), values);
  const dossier = str(values, 'dossier');
  const filters = Object.fromEntries(
    Object.entries({
      from: str(values, 'from'),
      to: str(values, 'to'),
      person: str(values, 'person'),
      object: dossier ? { type: 'dossier', id: dossier } : undefined,
      event: str(values, 'event'),
      outcome,
    }).filter(([, v]) => v !== undefined),
  );
  // The server writes the export under the same base name, so the signed manifest names this file.
  const result = unwrap(await client.call<ExportOutcomeView>('journal:export', { format, filters }, { saveAs: basename(out) }));
  if (result.cancelled) throw new ArchiveError('export.cancelled');
  const entries = unwrap(await client.download(result.file));
  const manifest = unwrap(await client.download(result.manifestFile));
  writeFileAtomic(out, entries);
  writeFileAtomic(manifestPath(out), manifest);
  io.out(
    interpolate(t.done, {
      count: result.count,
      first: result.firstSeq ?? '-',
      last: result.lastSeq ?? '-',
      file: out,
      manifest: manifestPath(out),
      fingerprint: result.fingerprint,
      head: result.chainHead.seq,
    }),
  );
}

function refuseExisting(path: string, values: Values): void {
  if (existsSync(path) && values.force !== true) throw new ArchiveError('export.exists', { path });
}
