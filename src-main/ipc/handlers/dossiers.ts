/**
 * dossiers:*, copies:* and reviews:* — each a validated request handed to the core, which decides
 * (policy, rule 3) and records (journal) inside `session.perform`.
 */
import * as copies from '../../core/copies/service';
import { listReviewsDue, searchCatalogue } from '../../core/dossiers/catalogue';
import * as dossiers from '../../core/dossiers/service';
import { open, type DomainHandlers } from './context';

export const dossierHandlers: DomainHandlers<'dossiers'> = {
  'dossiers:search': async (input, ctx) => searchCatalogue(open(ctx), input),
  'dossiers:create': async (input, ctx) => dossiers.createDossier(open(ctx), input),
  'dossiers:update': async (input, ctx) => dossiers.updateDossier(open(ctx), input),
  'dossiers:file': async (input, ctx) => dossiers.fileDossier(open(ctx), input),
  'dossiers:open': async (input, ctx) => dossiers.openDossier(open(ctx), input),
  'dossiers:revision': async (input, ctx) => dossiers.revisionDiff(open(ctx), input),
};

export const copyHandlers: DomainHandlers<'copies'> = {
  'copies:list': async (input, ctx) => copies.listCopies(open(ctx), input),
  'copies:reissue': async (input, ctx) => copies.reissueCopy(open(ctx), input),
  'copies:lost': async (input, ctx) => copies.recordLostCopy(open(ctx), input),
  'copies:sheet': async (input, ctx) => copies.copySheet(open(ctx), input),
};

export const reviewHandlers: DomainHandlers<'reviews'> = {
  'reviews:list': async (input, ctx) => listReviewsDue(open(ctx), input),
  'reviews:noChange': async (input, ctx) => dossiers.reviewDossier(open(ctx), input),
};
