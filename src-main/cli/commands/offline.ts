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
import type { Command, CommandContext } from './types';

export const offlineSentences = {
  en: {
    passphrase: 'Package passphrase: ',
    newPassphrase: 'New package passphrase (only you will know it): ',
    issued: 'Offline package {{package}} of card {{card}} written to {{file}}; readable until {{dueAt}}.\nArchive key {{fingerprint}}',
    needFile: 'This command needs the package file: triplicate offline {{verb}} FILE',
    badSection: 'Unknown section "{{section}}"; one of: {{all}}',
    watermark: '★ {{name}} ({{login}}) · card {{card}} · copy {{copy}} · {{at}} · offline · due {{dueAt}}',
    returned: 'Package {{package}} of card {{card}} returned: {{imported}} offline reads imported, reading log {{log}}; loan {{loanState}}.',
    broken: 'The reading log does not verify at line {{line}} ({{kind}}): journaled, incident {{incident}} opened.',
    revoked: 'Package {{package}} of card {{card}} revoked at {{at}}.',
    revocations: 'Revocation list ({{count}} packages) written to {{file}}; copy it to the laptops.',
    noSections: 'offline read shows what a package is, never its content; open the package in the Triplicate app to read it.',
    fieldPackage: 'Package',
    fieldDossier: 'Dossier',
    fieldBorrower: 'Borrower',
    fieldCard: 'Card · copy',
    fieldDue: 'Due',
    fieldLog: 'Reading log',
    fieldReadable: 'Readable',
    logNone: 'no entries yet',
    logIntact: '{{entries}} entries, intact',
    logBroken: 'does not verify at line {{line}} ({{entries}} entries before it)',
    readableYes: 'yes, in the Triplicate app until {{dueAt}}',
    readableNo: 'no: {{reason}}',
  },
  'zh-CN': {
    passphrase: '离线包口令：',
    newPassphrase: '设置离线包口令（仅您本人知道）：',
    issued: '借阅卡 {{card}} 的离线借阅包 {{package}} 已写入 {{file}}；可阅读至 {{dueAt}}。\n档案库密钥 {{fingerprint}}',
    needFile: '此命令需要离线包文件：triplicate offline {{verb}} 文件',
    badSection: '未知的部分“{{section}}”，可选：{{all}}',
    watermark: '★ {{name}}（{{login}}）· 借阅卡 {{card}} · 副本 {{copy}} · {{at}} · 离线 · 到期 {{dueAt}}',
    returned: '借阅卡 {{card}} 的离线包 {{package}} 已归还：导入离线阅读 {{imported}} 条，阅读记录{{log}}；借阅状态 {{loanState}}。',
    broken: '阅读记录在第 {{line}} 行校验失败（{{kind}}）：已记入日志，并立案事件 {{incident}}。',
    revoked: '借阅卡 {{card}} 的离线包 {{package}} 已于 {{at}} 吊销。',
    revocations: '吊销清单（{{count}} 个离线包）已写入 {{file}}；请复制到各笔记本电脑。',
    noSections: 'offline read 只显示离线包概况，从不显示内容；请在 Triplicate 应用中打开离线包阅读。',
    fieldPackage: '离线包',
    fieldDossier: '档案',
    fieldBorrower: '借阅人',
    fieldCard: '借阅卡 · 副本',
    fieldDue: '到期',
    fieldLog: '阅读记录',
    fieldReadable: '可否阅读',
    logNone: '尚无记录',
    logIntact: '{{entries}} 条，完整',
    logBroken: '在第 {{line}} 行校验失败（之前 {{entries}} 条）',
    readableYes: '可以，在 Triplicate 应用中阅读，至 {{dueAt}}',
    readableNo: '不可以：{{reason}}',
  },
};

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
  usage: {
    en: 'offline issue --archive DIR --as LOGIN --card JY-… --out FILE [--section S …]   (your own offline-form loan; then the package passphrase)',
    'zh-CN': 'offline issue --archive 目录 --as 登录名 --card JY-… --out 文件 [--section 部分 …]（本人的离线借阅；随后设置离线包口令）',
  },
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
  usage: {
    en: 'offline read FILE [--revocations LIST …] [--key-fingerprint FP] [--json]   (no archive; the package passphrase; what the package is, never its content — read it in the app)',
    'zh-CN':
      'offline read 文件 [--revocations 清单 …] [--key-fingerprint 指纹] [--json]（无需档案库；离线包口令；只显示离线包概况，不显示内容——请在应用中阅读）',
  },
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
  usage: {
    en: 'offline return --archive DIR --as LOGIN FILE [--log READLOG]   (custodian: imports the reading log, returns the loan)',
    'zh-CN': 'offline return --archive 目录 --as 登录名 文件 [--log 阅读记录]（保管员：导入阅读记录并归还借阅）',
  },
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
  usage: {
    en: "offline revoke --archive DIR --as LOGIN --package ID --reason TEXT   (a lost laptop: the borrower or the copy's custodian)",
    'zh-CN': 'offline revoke --archive 目录 --as 登录名 --package 编号 --reason 原因（笔记本遗失：借阅人或副本保管员）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const r = await revokePackage(session!, { package: ctx.need('package'), reason: ctx.need('reason') });
    ctx.out(interpolate(offlineSentences[ctx.locale].revoked, { package: r.package, card: r.card, at: r.revokedAt }));
  },
};

export const offlineRevocationsCommand: Command = {
  name: 'offline revocations',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  usage: {
    en: 'offline revocations --archive DIR --as LOGIN --out FILE [--force]   (the signed revocation list for laptops; with --server HOST:PORT --fingerprint FP instead of --archive, a laptop fetches it)',
    'zh-CN':
      'offline revocations --archive 目录 --as 登录名 --out 文件 [--force]（供笔记本使用的已签名吊销清单；以 --server 主机:端口 --fingerprint 指纹 代替 --archive 时，由笔记本从档案服务器获取）',
  },
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
