/**
 * `triplicate person reset request|approve|pending`: password resets that need a second person
 * (issue 11, point 5). The administrator requests; a department manager, the general manager or
 * (for an auditor) another auditor approves and is shown the one-time code once; the owner then
 * unlocks with the code and chooses a new password (cli/unlock.ts).
 */
import { interpolate } from '../../contract/messages';
import { approvePasswordReset, pendingResets, requestPasswordReset } from '../../core/people/resets';
import type { Command } from './types';

const sentences = {
  en: {
    requested: "Reset of {{login}}'s password requested. It takes effect when one of these approves it: {{approvers}}.",
    noApprover:
      "Reset of {{login}}'s password requested, but nobody may approve it yet: add a department manager of their department or a general manager (for an auditor: another auditor or a general manager). Until then their password stays as it is.",
    approved: 'Approved. One-time code for {{login}} ({{name}}) — shown only now; hand it to them in person:',
    approvedHint: 'At their next unlock they type it as their password and choose a new one. Their old password no longer opens the archive.',
    none: 'No password resets wait for your approval.',
  },
  'zh-CN': {
    requested: '已申请重置 {{login}} 的密码。须由以下人员之一批准后生效：{{approvers}}。',
    noApprover:
      '已申请重置 {{login}} 的密码，但目前没有人可以批准：请先添加其所在部门的部门经理或总经理（审计员则为另一名审计员或总经理）。在此之前其密码保持不变。',
    approved: '已批准。{{login}}（{{name}}）的一次性重置码——仅显示这一次，请当面交给本人：',
    approvedHint: '本人下次解锁时以此码作为密码输入，并设置新密码。其旧密码已不能再打开档案库。',
    none: '没有等待您批准的密码重置。',
  },
};

export const resetRequestCommand: Command = {
  name: 'person reset request',
  usage: {
    en: 'person reset request --archive DIR --as ADMIN --login L   (a second person approves; see person reset approve)',
    'zh-CN': 'person reset request --archive 目录 --as 管理员 --login 登录名（须由第二人批准，见 person reset approve）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const t = sentences[ctx.locale];
    const view = await requestPasswordReset(session!, ctx.need('login'));
    if (ctx.values.json) return ctx.out(JSON.stringify(view, null, 2));
    ctx.out(
      view.approvers.length === 0
        ? interpolate(t.noApprover, { login: view.login })
        : interpolate(t.requested, { login: view.login, approvers: view.approvers.map((a) => `${a.name} (${a.login})`).join(', ') }),
    );
  },
};

export const resetApproveCommand: Command = {
  name: 'person reset approve',
  usage: {
    en: 'person reset approve --archive DIR --as LOGIN --login L   (prints the one-time code once)',
    'zh-CN': 'person reset approve --archive 目录 --as 登录名 --login 登录名（一次性重置码仅显示一次）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const t = sentences[ctx.locale];
    const view = await approvePasswordReset(session!, ctx.need('login'));
    ctx.out(interpolate(t.approved, { login: view.login, name: view.name }));
    ctx.out(`  ${view.code}`);
    ctx.out(t.approvedHint);
  },
};

export const resetPendingCommand: Command = {
  name: 'person reset pending',
  usage: {
    en: 'person reset pending --archive DIR --as LOGIN [--json]   (resets waiting for your approval)',
    'zh-CN': 'person reset pending --archive 目录 --as 登录名 [--json]（等待您批准的密码重置）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const rows = await pendingResets(session!);
    if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
    if (rows.length === 0) return ctx.out(sentences[ctx.locale].none);
    for (const r of rows) ctx.out([r.login, r.name, r.department, r.requestedBy, r.requestedAt].join('\t'));
  },
};

export const RESET_COMMANDS: readonly Command[] = [resetRequestCommand, resetApproveCommand, resetPendingCommand];
