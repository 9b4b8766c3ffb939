/**
 * The usage line of every contributed CLI command (`triplicate --help` and `COMMAND --help`), both
 * languages with the same keys: the command's name. Plain strings, so the CLI bundle can carry them
 * as evaluated at build time and `--help` never loads the core (src-main/cli/command-specs.ts).
 */
import type { Locale } from '../messages';

export const cliUsageText = {
  en: {
    backup: 'backup --archive DIR --as ADMIN --out FILE [--force]   (encrypted database, keyring and signed manifest in one file)',
    restore:
      'restore FILE --to NEWDIR --as ADMIN [--force]   (verifies the backup and the restored archive; --force replaces a newer or other archive, journaled)',
    'calendar show': 'calendar show --archive DIR --as LOGIN [--json]',
    'calendar set':
      'calendar set --archive DIR --as ADMIN [--holiday YYYY-MM-DD]... [--workday YYYY-MM-DD]... [--weekend 0-6]... [--report-time HH:MM] [--comment-time HH:MM]',
    demo: 'demo --archive DIR --dossiers N [--seed S]   a new archive of fictional customers; prints logins and passwords',
    due: 'due --archive DIR --as LOGIN [--json]   (your due work: reviews, contacts, callbacks…, by due time)',
    'handover start': 'handover start --archive DIR --as MANAGER --leaver L --successor L [--collector-successor L]   (离职交接)',
    'handover sign': 'handover sign --archive DIR --as SUCCESSOR|CUSTODIAN --id N',
    'person change': 'person change --archive DIR --as ADMIN --login L [--rank R] [--department D] [--manager LOGIN | --no-manager]',
    'person suspend': 'person suspend --archive DIR --as MANAGER --login L --reason R   (suspends every right at once; lift with person unsuspend)',
    'person unsuspend': 'person unsuspend --archive DIR --as MANAGER --login L [--note TEXT]',
    'incident record': 'incident record --archive DIR --as LOGIN --kind leak|lost --copy COPY-NUMBER --login RESPONSIBLE --description TEXT',
    'incident list': 'incident list --archive DIR --as LOGIN [--json]   (register with evidence timelines)',
    'journal export':
      'journal export --archive DIR --as LOGIN --format csv|xlsx|jsonl --out FILE [--from ISO --to ISO --person LOGIN --dossier ID --event E --outcome ok|denied|error] [--force]',
    'lead report':
      'lead report --archive DIR --as LOGIN --customer NAME [--credit-code CODE] [--sector S] --need TEXT --quantity N --contact PERSON --contact-details PHONE [--notes TEXT] [--json]',
    'lead list': 'lead list --archive DIR --as LOGIN [--state pending|valid|invalid|duplicate|project|dossier|expired] [--mine] [--json]',
    'lead check': 'lead check --archive DIR --as LOGIN --id N (--valid --expires YYYY-MM-DD | --invalid --reason TEXT)',
    'lead merge': 'lead merge --archive DIR --as LOGIN --id N --with M   (the same lead twice: the earlier counts)',
    'lead project': 'lead project --archive DIR --as LOGIN --id N   (a valid lead becomes a project)',
    'lead deliver': 'lead deliver --archive DIR --as LOGIN --id N --quantity N --date YYYY-MM-DD',
    'lead dossier': 'lead dossier --archive DIR --as LOGIN --id N   (intent to cooperate: the project gets a dossier)',
    'lead publication': 'lead publication --archive DIR --as LOGIN [--date YYYY-MM-DD] [--csv | --json]   (the list of the 10th, 20th or 30th)',
    'lead conversion': 'lead conversion --archive DIR --as LOGIN [--quarter YYYY-Qn] [--json]',
    'loan list': 'loan list --archive DIR --as LOGIN [--department D] [--overdue] [--json]   (without --department: your own cards)',
    'register export': 'register export --archive DIR --as LOGIN --department D --out FILE [--force]   (borrowing register as CSV)',
    'offline issue':
      'offline issue --archive DIR --as LOGIN --card JY-… --out FILE [--section S …]   (your own offline-form loan; then the package passphrase)',
    'offline read':
      'offline read FILE [--revocations LIST …] [--key-fingerprint FP] [--json]   (no archive; the package passphrase; what the package is, never its content — read it in the app)',
    'offline return': 'offline return --archive DIR --as LOGIN FILE [--log READLOG]   (custodian: imports the reading log, returns the loan)',
    'offline revoke': "offline revoke --archive DIR --as LOGIN --package ID --reason TEXT   (a lost laptop: the borrower or the copy's custodian)",
    'offline revocations':
      'offline revocations --archive DIR --as LOGIN --out FILE [--force]   (the signed revocation list for laptops; with --server HOST:PORT --fingerprint FP instead of --archive, a laptop fetches it)',
    'retention due': 'retention due --archive DIR --as MANAGER [--json]   (end of retention; three years without interaction)',
    'retention decide': 'retention decide --archive DIR --as MANAGER --number N --decision keep|archive|destroy [--until DATE] [--reason R]',
    'hold set': 'hold set --archive DIR --as LOGIN --name N --reason R [--dossier NUMBER]... [--customer NAME]   (legal hold)',
    'hold release': 'hold release --archive DIR --as LOGIN --id N',
    'hold list': 'hold list --archive DIR --as LOGIN [--json]',
    'destruction request': 'destruction request --archive DIR --as CUSTODIAN --number NUMBER --reason R',
    'destruction list': 'destruction list --archive DIR --as LOGIN [--json]',
    'destruction record': 'destruction record --archive DIR --as LOGIN [--out FILE.csv [--force]] [--json]   (销毁清册)',
    'survey record':
      'survey record --archive DIR --as LOGIN --number N --changes TEXT [--grade A|B|C] [--lifecycle STAGE]   (half-yearly survey of a transacting customer)',
    'survey register': 'survey register --archive DIR --as LOGIN [--json]   (register of transacting customers with their latest survey)',
    'satisfaction record':
      'satisfaction record --archive DIR --as LOGIN --number N --item QUESTION=SCORE[=COMMENT]... [--due ISO-TIME]   (scores 1–5; low ones get a follow-up)',
    'followup list': 'followup list --archive DIR --as LOGIN [--open] [--json]',
    'followup close': 'followup close --archive DIR --as LOGIN --id N --result TEXT',
    'complaint record': 'complaint record --archive DIR --as LOGIN --number N --subject S --content TEXT [--owner LOGIN]',
    'complaint list': 'complaint list --archive DIR --as LOGIN [--open] [--json]   (overdue ones flagged)',
    'regrade record':
      'regrade record --archive DIR --as LOGIN --number N --value 1-5 --potential 1-5 --stability 1-5 --grade A|B|C [--note TEXT]   (quarterly re-grading)',
    'person reset request': 'person reset request --archive DIR --as ADMIN --login L   (a second person approves; see person reset approve)',
    'person reset approve': 'person reset approve --archive DIR --as LOGIN --login L   (prints the one-time code once)',
    'person reset pending': 'person reset pending --archive DIR --as LOGIN [--json]   (resets waiting for your approval)',
    serve:
      'serve --archive DIR --as ADMIN [--listen HOST:PORT] [--recovery]   (archive server; loopback 127.0.0.1:7443 unless --listen; --recovery: recovery key, then a new password)',
    'settings get': 'settings get --archive DIR --as LOGIN [KEY]   (every setting, or one)',
    'settings set': 'settings set --archive DIR --as ADMIN KEY VALUE   (journaled with old and new value)',
    'verify-export': 'verify-export FILE [--key-fingerprint FP] [--earlier EARLIER-EXPORT] [--json]   (no archive or password needed)',
    'destruction approve': 'destruction approve --archive DIR --as MANAGER --id N [--note TEXT]',
    'destruction reject': 'destruction reject --archive DIR --as MANAGER --id N [--note TEXT]',
    'complaint respond': 'complaint respond --archive DIR --as LOGIN --id N --text TEXT',
    'complaint solve': 'complaint solve --archive DIR --as LOGIN --id N --text TEXT',
    'complaint close': 'complaint close --archive DIR --as LOGIN --id N',
  },
  zhCN: {
    backup: 'backup --archive 目录 --as 管理员 --out 文件 [--force]（加密数据库、密钥环和签名清单合为一个文件）',
    restore: 'restore 文件 --to 新目录 --as 管理员 [--force]（校验备份与恢复后的档案库；--force 替换较新的或其他档案库，并记入日志）',
    'calendar show': 'calendar show --archive 目录 --as 登录名 [--json]',
    'calendar set':
      'calendar set --archive 目录 --as 管理员 [--holiday 日期]... [--workday 调休日期]... [--weekend 0-6]... [--report-time 时:分] [--comment-time 时:分]',
    demo: 'demo --archive 目录 --dossiers 数量 [--seed 种子]   创建虚构客户的演示档案库，并打印登录名和密码',
    due: 'due --archive 目录 --as 登录名 [--json]（本人的待办：复核、沟通、回访……按到期时间排列）',
    'handover start': 'handover start --archive 目录 --as 部门经理 --leaver 离职人 --successor 接任人 [--collector-successor 接任采集员]（离职交接）',
    'handover sign': 'handover sign --archive 目录 --as 接任人|保管员 --id 编号',
    'person change': 'person change --archive 目录 --as 管理员 --login 登录名 [--rank 职级] [--department 部门] [--manager 登录名 | --no-manager]',
    'person suspend': 'person suspend --archive 目录 --as 经理 --login 登录名 --reason 原因（立即暂停全部权限；用 person unsuspend 解除）',
    'person unsuspend': 'person unsuspend --archive 目录 --as 经理 --login 登录名 [--note 说明]',
    'incident record': 'incident record --archive 目录 --as 登录名 --kind leak|lost --copy 副本编号 --login 责任人 --description 说明',
    'incident list': 'incident list --archive 目录 --as 登录名 [--json]（事件登记簿及证据时间线）',
    'journal export':
      'journal export --archive 目录 --as 登录名 --format csv|xlsx|jsonl --out 文件 [--from 时间 --to 时间 --person 登录名 --dossier 档案ID --event 事件 --outcome ok|denied|error] [--force]',
    'lead report':
      'lead report --archive 目录 --as 登录名 --customer 客户名称 [--credit-code 统一社会信用代码] [--sector 类别] --need 需求 --quantity 标的量 --contact 第三方联系人 --contact-details 联系方式 [--notes 备注] [--json]（大客户信息记录表）',
    'lead list': 'lead list --archive 目录 --as 登录名 [--state pending|valid|invalid|duplicate|project|dossier|expired] [--mine] [--json]',
    'lead check': 'lead check --archive 目录 --as 登录名 --id 编号 (--valid --expires 到期日期 | --invalid --reason 原因)（两个工作日内甄别）',
    'lead merge': 'lead merge --archive 目录 --as 登录名 --id 编号 --with 编号（同一信息：先报者计算）',
    'lead project': 'lead project --archive 目录 --as 登录名 --id 编号（有效信息立项）',
    'lead deliver': 'lead deliver --archive 目录 --as 登录名 --id 编号 --quantity 提车量 --date 日期（合同登记）',
    'lead dossier': 'lead dossier --archive 目录 --as 登录名 --id 编号（有合作意向时建立大客户档案）',
    'lead publication': 'lead publication --archive 目录 --as 登录名 [--date 日期] [--csv | --json]（每月10、20、30日公布的提报情况）',
    'lead conversion': 'lead conversion --archive 目录 --as 登录名 [--quarter 年-季度，如 2026-Q2] [--json]（季度项目转化率）',
    'loan list': 'loan list --archive 目录 --as 登录名 [--department 部门] [--overdue] [--json]（不带 --department：本人的借阅卡）',
    'register export': 'register export --archive 目录 --as 登录名 --department 部门 --out 文件 [--force]（借阅登记簿 CSV）',
    'offline issue': 'offline issue --archive 目录 --as 登录名 --card JY-… --out 文件 [--section 部分 …]（本人的离线借阅；随后设置离线包口令）',
    'offline read':
      'offline read 文件 [--revocations 清单 …] [--key-fingerprint 指纹] [--json]（无需档案库；离线包口令；只显示离线包概况，不显示内容——请在应用中阅读）',
    'offline return': 'offline return --archive 目录 --as 登录名 文件 [--log 阅读记录]（保管员：导入阅读记录并归还借阅）',
    'offline revoke': 'offline revoke --archive 目录 --as 登录名 --package 编号 --reason 原因（笔记本遗失：借阅人或副本保管员）',
    'offline revocations':
      'offline revocations --archive 目录 --as 登录名 --out 文件 [--force]（供笔记本使用的已签名吊销清单；以 --server 主机:端口 --fingerprint 指纹 代替 --archive 时，由笔记本从档案服务器获取）',
    'retention due': 'retention due --archive 目录 --as 部门经理 [--json]（保管期满；三年未互动）',
    'retention decide': 'retention decide --archive 目录 --as 部门经理 --number 档案编号 --decision keep|archive|destroy [--until 日期] [--reason 原因]',
    'hold set': 'hold set --archive 目录 --as 登录名 --name 名称 --reason 原因 [--dossier 档案编号]... [--customer 客户名称]（法律保全）',
    'hold release': 'hold release --archive 目录 --as 登录名 --id 编号',
    'hold list': 'hold list --archive 目录 --as 登录名 [--json]',
    'destruction request': 'destruction request --archive 目录 --as 保管员 --number 档案编号 --reason 原因',
    'destruction list': 'destruction list --archive 目录 --as 登录名 [--json]',
    'destruction record': 'destruction record --archive 目录 --as 登录名 [--out 文件.csv [--force]] [--json]（销毁清册）',
    'survey record':
      'survey record --archive 目录 --as 登录名 --number 档案编号 --changes 变化 [--grade A|B|C] [--lifecycle 阶段]（交易往来客户半年度定期调查）',
    'survey register': 'survey register --archive 目录 --as 登录名 [--json]（交易往来客户名册及最近一次调查）',
    'satisfaction record':
      'satisfaction record --archive 目录 --as 登录名 --number 档案编号 --item 问题=分数[=意见]... [--due 跟进期限]（1–5 分；低分项自动开立跟进）',
    'followup list': 'followup list --archive 目录 --as 登录名 [--open] [--json]',
    'followup close': 'followup close --archive 目录 --as 登录名 --id 编号 --result 落实情况',
    'complaint record': 'complaint record --archive 目录 --as 登录名 --number 档案编号 --subject 主题 --content 内容 [--owner 负责人]',
    'complaint list': 'complaint list --archive 目录 --as 登录名 [--open] [--json]（逾期的会标出）',
    'regrade record':
      'regrade record --archive 目录 --as 登录名 --number 档案编号 --value 1-5 --potential 1-5 --stability 1-5 --grade A|B|C [--note 说明]（每季度评估客户等级）',
    'person reset request': 'person reset request --archive 目录 --as 管理员 --login 登录名（须由第二人批准，见 person reset approve）',
    'person reset approve': 'person reset approve --archive 目录 --as 登录名 --login 登录名（一次性重置码仅显示一次）',
    'person reset pending': 'person reset pending --archive 目录 --as 登录名 [--json]（等待您批准的密码重置）',
    serve: 'serve --archive 目录 --as 管理员 [--listen 主机:端口] [--recovery]（档案服务器；默认仅本机 127.0.0.1:7443；--recovery：恢复密钥，然后新密码）',
    'settings get': 'settings get --archive 目录 --as 登录名 [设置项]（全部或其中一项）',
    'settings set': 'settings set --archive 目录 --as 管理员 设置项 值（旧值与新值记入日志）',
    'verify-export': 'verify-export 文件 [--key-fingerprint 指纹] [--earlier 较早的导出文件] [--json]（无需档案库和密码）',
    'destruction approve': 'destruction approve --archive 目录 --as 部门经理 --id 编号 [--note 意见]',
    'destruction reject': 'destruction reject --archive 目录 --as 部门经理 --id 编号 [--note 意见]',
    'complaint respond': 'complaint respond --archive 目录 --as 登录名 --id 编号 --text 响应内容',
    'complaint solve': 'complaint solve --archive 目录 --as 登录名 --id 编号 --text 解决方案',
    'complaint close': 'complaint close --archive 目录 --as 登录名 --id 编号',
  },
};

export type CommandName = keyof typeof cliUsageText.en;
const zhCNUsage: Record<CommandName, string> = cliUsageText.zhCN;

/** A command's usage line in each language, in the shape `Command.usage` takes. */
export function usageOf(name: CommandName): Record<Locale, string> {
  return { en: cliUsageText.en[name], 'zh-CN': zhCNUsage[name] };
}
