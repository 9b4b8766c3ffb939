/**
 * Every channel's handler, one file per domain. The type demands a handler for every channel in
 * the contract, so a channel added to REQUESTS without one fails the typecheck (no silent gaps).
 */
import type { Channel } from '../../contract/ipc';
import { appHandlers, archiveHandlers, sessionHandlers } from './app';
import type { Handler } from './context';
import { copyHandlers, dossierHandlers, reviewHandlers } from './dossiers';
import { journalHandlers, reportHandlers } from './journal';
import { cardHandlers, loanHandlers, notificationHandlers, registerHandlers } from './loans';
import { departmentHandlers, peopleHandlers } from './people';
import { offlineHandlers } from './offline';
import { settingsHandlers, vaultHandlers } from './vault';
import { backupHandlers, destructionHandlers, handoverHandlers, holdHandlers, incidentHandlers, personnelHandlers, retentionHandlers } from './lifecycle';
import { readerHandlers } from './reader';
import { printHandlers } from './print';
import { dueHandlers } from './due';
import { planHandlers, visitHandlers } from './visits-plans';
import { relationsHandlers } from './relations';
import { serverHandlers } from './server';
import { analyticsHandlers, dashboardHandlers } from './analytics';
import { leadHandlers } from './leads';

export type { HandlerContext } from './context';
export type Handlers = { [C in Channel]: Handler<C> };

export const HANDLERS: Handlers = {
  ...appHandlers,
  ...archiveHandlers,
  ...sessionHandlers,
  ...peopleHandlers,
  ...departmentHandlers,
  ...vaultHandlers,
  ...settingsHandlers,
  ...dossierHandlers,
  ...copyHandlers,
  ...reviewHandlers,
  ...cardHandlers,
  ...loanHandlers,
  ...registerHandlers,
  ...notificationHandlers,
  ...offlineHandlers,
  ...journalHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...holdHandlers,
  ...destructionHandlers,
  ...personnelHandlers,
  ...incidentHandlers,
  ...handoverHandlers,
  ...retentionHandlers,
  ...readerHandlers,
  ...printHandlers,
  ...dueHandlers,
  ...visitHandlers,
  ...planHandlers,
  ...relationsHandlers,
  ...serverHandlers,
  ...analyticsHandlers,
  ...dashboardHandlers,
  ...leadHandlers,
};
