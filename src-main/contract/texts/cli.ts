/** The CLI's own sentences (errors come from contract/messages). */
import { interpolate, type Locale } from '../messages';

const en = {
  usage: `Usage: triplicate <command> [options]

Commands:
  init --archive DIR --admin LOGIN --name NAME [--department D] [--rank R]
  person add --archive DIR --as LOGIN --login L --name N --department D --rank R [--duty X]... [--manager LOGIN]
  person list --archive DIR --as LOGIN [--json]
  person disable --archive DIR --as LOGIN --login L
  person duties --archive DIR --as LOGIN --login L [--duty X]...
  person passwd --archive DIR --as LOGIN            (your own password; others: person reset request)
  department add --archive DIR --as LOGIN --code C --name-zh N --name-en N [--holds-copy --copy-suffix X]
  department list --archive DIR --as LOGIN [--json]
  rekey --archive DIR --as LOGIN
  recover --archive DIR --login ADMIN      (recovery key, then the new password)
  journal verify --archive DIR --as LOGIN [--json]

Passwords are asked for, or read from standard input with --password-stdin: the first line is the
acting person's password (for init, the new administrator's); for person add and person passwd the
second line is the new password (also after a one-time reset code). --lang zh-CN|en chooses the language.

Against an archive server, use --server HOST:PORT --fingerprint FP instead of --archive DIR (person,
department, rekey, journal verify, journal export, loan list, register export, offline revocations,
settings get, settings set): same output, same exit codes; any other command is refused and does
nothing. FP is the certificate fingerprint the administrator gives you (shown by serve).`,
  passwordPrompt: 'Password for {{login}}: ',
  recoveryPrompt: 'Recovery key: ',
  newPasswordPrompt: 'New password for {{login}}: ',
  repeatPrompt: 'Repeat the new password: ',
  mismatch: 'The two passwords differ.',
  noTty: 'No terminal to ask for a password on: use --password-stdin.',
  missingStdinLine: 'Standard input ended before the {{which}} password line.',
  created: 'Archive created at {{folder}}.',
  recoveryKey: 'Recovery key (shown once — write it down or print it and keep it in a safe):',
  fingerprint: 'Signing key fingerprint: {{fingerprint}}',
  personAdded: 'Added {{login}} ({{name}}).',
  personDisabled: 'Disabled {{login}}; their key slot is gone. Run rekey to retire the old database key.',
  dutiesSet: '{{login}} now has: {{duties}}.',
  passwordChanged: 'Password changed for {{login}}.',
  departmentAdded: 'Added department {{code}}.',
  rekeyed: 'Database key replaced (epoch {{epoch}}); {{slots}} key slots re-sealed.',
  journalOk: 'Journal intact: {{count}} entries, head {{head}}, {{checkpoints}} signed checkpoints.',
  journalBroken: 'Journal BROKEN at entry {{seq}} ({{kind}}).',
  none: '(none)',
  unknownOption: "Unknown option {{option}} for '{{command}}'.",
  badOptionValue: 'Option {{option}} of {{command}} needs a value.',
  commandUsage: 'Usage: triplicate {{usage}}',
  globalOptions: 'Every command also takes --lang zh-CN|en, --password-stdin and --help (-h).',
  journalSigned:
    'Every entry from No. {{from}} is signed by the person it names; {{unsigned}} written with no session (failed unlocks); {{after}} after the last signed checkpoint.',
  journalCoSigned: 'You co-signed the head at entry {{seq}}.',
  firstLine: 'first',
  secondLine: 'second',
  required: '--{{name}} is required',
  badServer: '--server must be HOST:PORT',
  resetNotice:
    'Your password was reset: requested by {{requestedBy}} at {{requestedAt}}, approved by {{approvedBy}} at {{approvedAt}}. Your new password is set.',
};

const zhCN: typeof en = {
  usage: `用法：triplicate <命令> [选项]

命令：
  init --archive 目录 --admin 登录名 --name 姓名 [--department 部门] [--rank 职级]
  person add --archive 目录 --as 登录名 --login 登录名 --name 姓名 --department 部门 --rank 职级 [--duty 职责]... [--manager 登录名]
  person list --archive 目录 --as 登录名 [--json]
  person disable --archive 目录 --as 登录名 --login 登录名
  person duties --archive 目录 --as 登录名 --login 登录名 [--duty 职责]...
  person passwd --archive 目录 --as 登录名            （本人密码；他人请用 person reset request）
  department add --archive 目录 --as 登录名 --code 代码 --name-zh 名称 --name-en 名称 [--holds-copy --copy-suffix X]
  department list --archive 目录 --as 登录名 [--json]
  rekey --archive 目录 --as 登录名
  recover --archive 目录 --login 管理员登录名      （先输入恢复密钥，再输入新密码）
  journal verify --archive 目录 --as 登录名 [--json]

密码会提示输入，或使用 --password-stdin 从标准输入读取：第一行是操作人的密码（init 时为新管理员的密码）；
person add 和 person passwd 的第二行是新密码（使用一次性重置码解锁时亦同）。--lang zh-CN|en 选择语言。

连接档案服务器时，用 --server 主机:端口 --fingerprint 指纹 代替 --archive 目录（person、department、
rekey、journal verify、journal export、loan list、register export、offline revocations、settings get、
settings set）：输出与退出码相同；其他命令一律拒绝，不做任何操作。指纹由管理员提供（serve 会显示）。`,
  passwordPrompt: '{{login}} 的密码：',
  recoveryPrompt: '恢复密钥：',
  newPasswordPrompt: '{{login}} 的新密码：',
  repeatPrompt: '再次输入新密码：',
  mismatch: '两次输入的密码不一致。',
  noTty: '没有可用于输入密码的终端：请使用 --password-stdin。',
  missingStdinLine: '标准输入在{{which}}密码行之前结束。',
  created: '已在 {{folder}} 创建档案库。',
  recoveryKey: '恢复密钥（仅显示一次——请抄写或打印后存放在保险柜中）：',
  fingerprint: '签名密钥指纹：{{fingerprint}}',
  personAdded: '已添加 {{login}}（{{name}}）。',
  personDisabled: '已停用 {{login}}，其密钥槽已删除。请运行 rekey 以停用旧的数据库密钥。',
  dutiesSet: '{{login}} 现在的职责：{{duties}}。',
  passwordChanged: '已更改 {{login}} 的密码。',
  departmentAdded: '已添加部门 {{code}}。',
  rekeyed: '已更换数据库密钥（第 {{epoch}} 代），已重新封装 {{slots}} 个密钥槽。',
  journalOk: '日志完整：共 {{count}} 条，链头 {{head}}，已签名检查点 {{checkpoints}} 个。',
  journalBroken: '日志在第 {{seq}} 条被破坏（{{kind}}）。',
  none: '（无）',
  unknownOption: '命令 {{command}} 不接受选项 {{option}}。',
  badOptionValue: '命令 {{command}} 的选项 {{option}} 需要一个值。',
  commandUsage: '用法：triplicate {{usage}}',
  globalOptions: '所有命令还接受 --lang zh-CN|en、--password-stdin 和 --help（-h）。',
  journalSigned: '自第 {{from}} 条起，每条日志均由其所载人员签名；{{unsigned}} 条为无会话写入（解锁失败）；最后一个签名检查点之后有 {{after}} 条。',
  journalCoSigned: '您已对第 {{seq}} 条处的链头进行了联署。',
  firstLine: '第一',
  secondLine: '第二',
  required: '--{{name}} 为必填项',
  badServer: '--server 须为 主机:端口',
  resetNotice: '您的密码已被重置：由 {{requestedBy}} 于 {{requestedAt}} 申请，{{approvedBy}} 于 {{approvedAt}} 批准。新密码已设置。',
};

export type TextKey = keyof typeof en;
const texts: Record<Locale, typeof en> = { en, 'zh-CN': zhCN };

export function text(locale: Locale, key: TextKey, params?: Record<string, string | number>): string {
  return interpolate(texts[locale][key], params);
}

/** The CLI's sentences in both languages, for the completeness test over the one source of texts. */
export const cliText = texts;
