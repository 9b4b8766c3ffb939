/**
 * `triplicate person suspend|unsuspend` and `triplicate incident record|list` (issue 16, point 7).
 * Same core, policy and journal as the app; the acting person is --as.
 */
import { interpolate } from '../../contract/messages';
import { incidentRegister, recordIncidentByHand } from '../../core/records/incidents';
import { liftSuspension, suspendPerson } from '../../core/records/suspension';
import { changePerson } from '../../core/records/people-change';
import { signHandover, startHandover } from '../../core/records/handover';
import { UsageError } from '../usage';
import type { Command } from './types';

const sentences = {
  en: {
    suspended: 'Rights of {{login}} suspended: every operation is refused until the suspension is lifted.',
    lifted: 'Suspension of {{login}} lifted.',
    recorded: 'Incident {{id}} recorded against {{login}} ({{marks}} integrity marks); direct manager: {{manager}}.',
    changed: '{{login}} is now {{rank}} in {{department}}, direct manager {{manager}}.',
    handover:
      'Handover {{id}} of {{login}}: {{dossiers}} dossiers, {{assignments}} collector assignments, {{loans}} loans recalled, {{cards}} cards cancelled. The successor and a custodian sign it next.',
    signed: 'Handover {{id}} signed{{done}}.',
    completed: '; complete — the account is disabled',
    none: '(none)',
  },
  'zh-CN': {
    suspended: '已暂停 {{login}} 的权限：解除前其一切操作均被拒绝。',
    lifted: '已解除对 {{login}} 的权限暂停。',
    recorded: '已登记事件 {{id}}，责任人 {{login}}（诚信黑点 {{marks}} 个）；直接上级：{{manager}}。',
    changed: '{{login}} 现为 {{department}} 的 {{rank}}，直接上级 {{manager}}。',
    handover:
      '{{login}} 的离职交接 {{id}}：档案 {{dossiers}} 份，采集分配 {{assignments}} 项，收回借阅 {{loans}} 项，取消借阅卡 {{cards}} 张。下一步由接任人和档案保管员签字。',
    signed: '交接 {{id}} 已签字{{done}}。',
    completed: '；交接完成，该账户已停用',
    none: '（无）',
  },
};

export const INCIDENT_COMMANDS: readonly Command[] = [
  {
    name: 'handover start',
    options: { leaver: { type: 'string' }, successor: { type: 'string' }, 'collector-successor': { type: 'string' } },
    usage: {
      en: 'handover start --archive DIR --as MANAGER --leaver L --successor L [--collector-successor L]   (离职交接)',
      'zh-CN': 'handover start --archive 目录 --as 部门经理 --leaver 离职人 --successor 接任人 [--collector-successor 接任采集员]（离职交接）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const cs = ctx.values['collector-successor'];
      const h = await startHandover(session!, {
        leaver: ctx.need('leaver'),
        successor: ctx.need('successor'),
        ...(typeof cs === 'string' ? { collectorSuccessor: cs } : {}),
      });
      ctx.out(
        interpolate(sentences[ctx.locale].handover, {
          id: h.id,
          login: h.leaver.login,
          dossiers: h.checklist.dossiers.length,
          assignments: h.checklist.collectorAssignments.length,
          loans: h.checklist.loansRecalled.length,
          cards: h.checklist.cardsCancelled.length,
        }),
      );
    },
  },
  {
    name: 'handover sign',
    options: { id: { type: 'string' } },
    usage: { en: 'handover sign --archive DIR --as SUCCESSOR|CUSTODIAN --id N', 'zh-CN': 'handover sign --archive 目录 --as 接任人|保管员 --id 编号' },
    needs: 'unlocked',
    async run(ctx, session) {
      const h = await signHandover(session!, { id: Number(ctx.need('id')) });
      const t = sentences[ctx.locale];
      ctx.out(interpolate(t.signed, { id: h.id, done: h.completedAt ? t.completed : '' }));
    },
  },
  {
    name: 'person change',
    options: { 'no-manager': { type: 'boolean' } },
    usage: {
      en: 'person change --archive DIR --as ADMIN --login L [--rank R] [--department D] [--manager LOGIN | --no-manager]',
      'zh-CN': 'person change --archive 目录 --as 管理员 --login 登录名 [--rank 职级] [--department 部门] [--manager 登录名 | --no-manager]',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const v = ctx.values;
      if (v['no-manager'] === true && typeof v.manager === 'string') throw new UsageError('--manager | --no-manager');
      const p = await changePerson(session!, {
        login: ctx.need('login'),
        ...(typeof v.rank === 'string' ? { rank: v.rank } : {}),
        ...(typeof v.department === 'string' ? { department: v.department } : {}),
        ...(typeof v.manager === 'string' ? { manager: v.manager } : v['no-manager'] === true ? { manager: null } : {}),
      });
      const manager = typeof v.manager === 'string' ? v.manager : (p.managerId ?? '-');
      ctx.out(interpolate(sentences[ctx.locale].changed, { login: p.login, rank: p.rank, department: p.department, manager }));
    },
  },
  {
    name: 'person suspend',
    options: { reason: { type: 'string' } },
    usage: {
      en: 'person suspend --archive DIR --as MANAGER --login L --reason R   (suspends every right at once; lift with person unsuspend)',
      'zh-CN': 'person suspend --archive 目录 --as 经理 --login 登录名 --reason 原因（立即暂停全部权限；用 person unsuspend 解除）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const s = await suspendPerson(session!, { login: ctx.need('login'), reason: ctx.need('reason') });
      ctx.out(interpolate(sentences[ctx.locale].suspended, { login: s.person.login }));
    },
  },
  {
    name: 'person unsuspend',
    options: { note: { type: 'string' } },
    usage: {
      en: 'person unsuspend --archive DIR --as MANAGER --login L [--note TEXT]',
      'zh-CN': 'person unsuspend --archive 目录 --as 经理 --login 登录名 [--note 说明]',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const r = await liftSuspension(session!, { login: ctx.need('login'), note: typeof ctx.values.note === 'string' ? ctx.values.note : '' });
      ctx.out(interpolate(sentences[ctx.locale].lifted, { login: r.login }));
    },
  },
  {
    name: 'incident record',
    options: { kind: { type: 'string' }, copy: { type: 'string' }, description: { type: 'string' } },
    usage: {
      en: 'incident record --archive DIR --as LOGIN --kind leak|lost --copy COPY-NUMBER --login RESPONSIBLE --description TEXT',
      'zh-CN': 'incident record --archive 目录 --as 登录名 --kind leak|lost --copy 副本编号 --login 责任人 --description 说明',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const i = await recordIncidentByHand(session!, {
        kind: ctx.need('kind'),
        copyNumber: ctx.need('copy'),
        login: ctx.need('login'),
        description: ctx.need('description'),
      });
      ctx.out(interpolate(sentences[ctx.locale].recorded, { id: i.id, login: i.person.login, marks: i.marks, manager: i.manager?.login ?? '-' }));
    },
  },
  {
    name: 'incident list',
    usage: {
      en: 'incident list --archive DIR --as LOGIN [--json]   (register with evidence timelines)',
      'zh-CN': 'incident list --archive 目录 --as 登录名 [--json]（事件登记簿及证据时间线）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const list = await incidentRegister(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(list, null, 2));
      if (list.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const i of list) ctx.out([i.id, i.kind, i.at, i.number, i.copyNumber, i.person.login, i.manager?.login ?? '-', i.marks, i.description].join('\t'));
    },
  },
];
