/**
 * Where the due list's items come from: one source per kind of work, each reading only what the
 * signed-in person is responsible for. The due-list operation calls every source inside one
 * journaled read; a new kind of work adds its source here.
 */
import type { DueItem } from '../../contract/due';
import type { Actor } from '../policy';
import type { OpenArchive } from '../vault/open-archive';
import { callbackDueSource } from './callback-source';
import { contactDueSource } from './contact-source';
import { reviewDueSource } from './review-source';
import { planApprovalsDue, plansDue } from '../plans/due';
import { reportCommentsDue, spotChecksDue, visitReportsDue } from '../visits/due';
import { complaintsDue, followUpsDue, regradesDue, surveysDue } from '../relations/due';
import { leadDueSource } from '../leads/due';

export interface DueQuery {
  archive: OpenArchive;
  actor: Actor;
  now: Date;
  /**
   * The due list shows this many items of a kind (core/due/more.ts): a source that may have many
   * reads only the first ones and stands for the rest with one `more` item (capItems).
   */
  limit?: number;
}

export type DueSource = (query: DueQuery) => DueItem[];

export const DUE_SOURCES: DueSource[] = [
  reviewDueSource,
  contactDueSource,
  callbackDueSource,

  visitReportsDue,
  reportCommentsDue,
  spotChecksDue,
  plansDue,
  planApprovalsDue,

  surveysDue,
  followUpsDue,
  complaintsDue,
  regradesDue,

  leadDueSource,
];
