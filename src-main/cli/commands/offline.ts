/**
 * `triplicate offline …`: offline packages at a terminal (design: core/offline/index.ts).
 *   issue   the borrower makes the package of their card (acting password, then the new package
 *           passphrase, typed twice on a terminal; two stdin lines with --password-stdin)
 *   read    no archive: opens a package with its passphrase and says what it is (dossier, borrower,
 *           due time, reading log, still readable?) — never its content, which only the app shows
 *   return  the custodian receives a package and imports its reading log into the journal
 *   revoke / revocations   a lost laptop; the signed list to carry to laptops
 * Same core, same policy, same journal as the app: the acting person is --as, nothing else.
 */
import { resolve } from 'node:path';
import { formatError, interpolate } from '../../contract/messages';
import { SECTIONS, type Section } from '../../contract/dossiers';
import { exportRevocations, inspectOfflinePackage, issuePackage, returnPackage, revokePackage } from '../../core/offline';
import { UsageError } from '../usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command, CommandContext } from './types';

export const offlineSentences = commandSentences('offline');

function fileOperand(ctx: CommandContext, verb: string): string {
  const file = ctx.positionals[0];
  if (!file) throw new UsageError(interpolate(offlineSentences[ctx.locale].needFile, { verb }));
  return resolve(file);
}

function sectionsOf(ctx: CommandContext): Section[] | undefined {
  const raw = ctx.values.section;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  for (const s of list) {
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new UsageError(interpolate(offlineSentences[ctx.locale].badSection, { section: s, all: SECTIONS.join(', ') }));
  }
  return list.length ? (list as Section[]) : undefined;
}

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : []);

export const offlineIssueCommand: Command = {
  name: 'offline issue',
  options: { card: { type: 'string' }, section: { type: 'string', multiple: true }, out: { type: 'string' } },
  usage: usageOf('offline issue'),
  needs: 'unlocked',
  async run(ctx, session) {
    const t = offlineSentences[ctx.locale];
    const card = ctx.need('card');
    const out = resolve(ctx.need('out'));
    const sections = sectionsOf(ctx);
    const passphrase = await ctx.passwords.next(t.newPassphrase, 'new', true);
    const issued = await issuePackage(session!, { card, passphrase, out, ...(sections ? { sections } : {}) });
    ctx.out(interpolate(t.issued, { package: issued.package, card: issued.card, file: issued.file, dueAt: issued.dueAt, fingerprint: issued.keyFingerprint }));
  },
};

export const offlineReadCommand: Command = {
  name: 'offline read',
  options: { revocations: { type: 'string', multiple: true }, 'key-fingerprint': { type: 'string' } },
  usage: usageOf('offline read'),
  needs: 'none',
  async run(ctx) {
    const t = offlineSentences[ctx.locale];
    const file = fileOperand(ctx, 'read');
    // Content is read in the app's reader, behind its watermark; a terminal could send it anywhere.
    if (ctx.values.section !== undefined) throw new UsageError(t.noSections);
    const passphrase = await ctx.passwords.next(t.passphrase, 'acting');
    const fingerprint = ctx.values['key-fingerprint'];
    const found = await inspectOfflinePackage({
      file,
      passphrase,
      revocations: strings(ctx.values.revocations).map((p) => resolve(p)),
      ...(typeof fingerprint === 'string' ? { expectedFingerprint: fingerprint } : {}),
    });
    const refusal = found.refusal ? formatError(found.refusal.toInfo(), ctx.locale) : null;
    if (ctx.values.json) {
      const { refusal: _omit, ...rest } = found;
      return ctx.out(JSON.stringify({ ...rest, refusal: found.refusal?.code ?? null }, null, 2));
    }
    const logState =
      found.log.status === 'missing'
        ? t.logNone
        : found.log.status === 'broken'
          ? interpolate(t.logBroken, { line: found.log.problemLine ?? '?', entries: found.log.entries })
          : interpolate(t.logIntact, { entries: found.log.entries });
    const rows: [string, string][] = [
      [t.fieldPackage, found.package],
      [t.fieldDossier, found.customerName ? `${found.dossierNumber} ${found.customerName}` : found.dossierNumber],
      [t.fieldBorrower, found.reader ? `${found.reader.name} (${found.reader.login})` : '—'],
      [t.fieldCard, `${found.card} · ${found.copyNumber}`],
      [t.fieldDue, found.dueAt],
      [t.fieldLog, logState],
      [t.fieldReadable, found.readable ? interpolate(t.readableYes, { dueAt: found.dueAt }) : interpolate(t.readableNo, { reason: refusal ?? '' })],
    ];
    for (const [label, value] of rows) ctx.out(`${label}\t${value}`);
  },
};

export const offlineReturnCommand: Command = {
  name: 'offline return',
  options: { log: { type: 'string' } },
  usage: usageOf('offline return'),
  needs: 'unlocked',
  async run(ctx, session) {
    const t = offlineSentences[ctx.locale];
    const log = ctx.values.log;
    const result = await returnPackage(session!, { file: fileOperand(ctx, 'return'), ...(typeof log === 'string' ? { log: resolve(log) } : {}) });
    if (ctx.values.json) return ctx.out(JSON.stringify(result, null, 2));
    ctx.out(interpolate(t.returned, { package: result.package, card: result.card, imported: result.imported, log: result.log, loanState: result.loanState }));
    if (result.problem) ctx.out(interpolate(t.broken, { line: result.problem.line, kind: result.problem.kind, incident: result.incident ?? '-' }));
  },
};

export const offlineRevokeCommand: Command = {
  name: 'offline revoke',
  options: { package: { type: 'string' }, reason: { type: 'string' } },
  usage: usageOf('offline revoke'),
  needs: 'unlocked',
  async run(ctx, session) {
    const r = await revokePackage(session!, { package: ctx.need('package'), reason: ctx.need('reason') });
    ctx.out(interpolate(offlineSentences[ctx.locale].revoked, { package: r.package, card: r.card, at: r.revokedAt }));
  },
};

export const offlineRevocationsCommand: Command = {
  name: 'offline revocations',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  usage: usageOf('offline revocations'),
  needs: 'unlocked',
  async run(ctx, session) {
    const r = await exportRevocations(session!, { out: resolve(ctx.need('out')), force: ctx.values.force === true });
    ctx.out(interpolate(offlineSentences[ctx.locale].revocations, { count: r.count, file: r.file }));
  },
};

export const OFFLINE_COMMANDS: readonly Command[] = [
  offlineIssueCommand,
  offlineReadCommand,
  offlineReturnCommand,
  offlineRevokeCommand,
  offlineRevocationsCommand,
];
