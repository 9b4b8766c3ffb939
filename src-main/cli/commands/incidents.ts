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
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

const sentences = commandSentences('incidents');

export const INCIDENT_COMMANDS: readonly Command[] = [
  {
    name: 'handover start',
    options: { leaver: { type: 'string' }, successor: { type: 'string' }, 'collector-successor': { type: 'string' } },
    usage: usageOf('handover start'),
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
    usage: usageOf('handover sign'),
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
    usage: usageOf('person change'),
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
    usage: usageOf('person suspend'),
    needs: 'unlocked',
    async run(ctx, session) {
      const s = await suspendPerson(session!, { login: ctx.need('login'), reason: ctx.need('reason') });
      ctx.out(interpolate(sentences[ctx.locale].suspended, { login: s.person.login }));
    },
  },
  {
    name: 'person unsuspend',
    options: { note: { type: 'string' } },
    usage: usageOf('person unsuspend'),
    needs: 'unlocked',
    async run(ctx, session) {
      const r = await liftSuspension(session!, { login: ctx.need('login'), note: typeof ctx.values.note === 'string' ? ctx.values.note : '' });
      ctx.out(interpolate(sentences[ctx.locale].lifted, { login: r.login }));
    },
  },
  {
    name: 'incident record',
    options: { kind: { type: 'string' }, copy: { type: 'string' }, description: { type: 'string' } },
    usage: usageOf('incident record'),
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
    usage: usageOf('incident list'),
    needs: 'unlocked',
    async run(ctx, session) {
      const list = await incidentRegister(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(list, null, 2));
      if (list.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const i of list) ctx.out([i.id, i.kind, i.at, i.number, i.copyNumber, i.person.login, i.manager?.login ?? '-', i.marks, i.description].join('\t'));
    },
  },
];
