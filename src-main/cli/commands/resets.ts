/**
 * `triplicate person reset request|approve|pending`: password resets that need a second person
 * (issue 11, point 5). The administrator requests; a department manager, the general manager or
 * (for an auditor) another auditor approves and is shown the one-time code once; the owner then
 * unlocks with the code and chooses a new password (cli/unlock.ts).
 */
import { interpolate } from '../../contract/messages';
import { approvePasswordReset, pendingResets, requestPasswordReset } from '../../core/people/resets';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

const sentences = commandSentences('resets');

export const resetRequestCommand: Command = {
  name: 'person reset request',
  usage: usageOf('person reset request'),
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
  usage: usageOf('person reset approve'),
  needs: 'unlocked',
  async run(ctx, session) {
    const t = sentences[ctx.locale];
    const view = await approvePasswordReset(session!, ctx.need('login'));
    ctx.out(interpolate(t.approved, { login: view.login, name: view.name }));
    ctx.out(`  ${view.code}`);
    ctx.out(t.approvedHint);
    ctx.out(interpolate(t.expires, { at: view.expiresAt }));
  },
};

export const resetPendingCommand: Command = {
  name: 'person reset pending',
  usage: usageOf('person reset pending'),
  needs: 'unlocked',
  async run(ctx, session) {
    const rows = await pendingResets(session!);
    if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
    if (rows.length === 0) return ctx.out(sentences[ctx.locale].none);
    for (const r of rows) ctx.out([r.login, r.name, r.department, r.requestedBy, r.requestedAt].join('\t'));
  },
};

export const RESET_COMMANDS: readonly Command[] = [resetRequestCommand, resetApproveCommand, resetPendingCommand];
