import type { Migration } from '../migrate';
import { updateToSchemaVersion10 } from './0010-archive-and-people';
import { updateToSchemaVersion20 } from './0020-journal';
import { updateToSchemaVersion25 } from './0025-journal-filters';
import { updateToSchemaVersion30 } from './0030-dossiers';
import { updateToSchemaVersion40 } from './0040-copies';
import { updateToSchemaVersion50 } from './0050-catalogue-search';
import { updateToSchemaVersion60 } from './0060-loans';
import { updateToSchemaVersion70 } from './0070-dossier-content';
import { updateToSchemaVersion80 } from './0080-copies-held';
import { updateToSchemaVersion90 } from './0090-copies-held-append';
import { updateToSchemaVersion95 } from './0095-journal-time-blocks';
import { updateToSchemaVersion100 } from './0100-offline-packages';
import { updateToSchemaVersion110 } from './0110-journal-object-partitions';
import { updateToSchemaVersion150 } from './0150-offline-returned-dead';
import { updateToSchemaVersion160 } from './0160-backups';
import { updateToSchemaVersion170 } from './0170-holds-and-destruction';
import { updateToSchemaVersion130 } from './0130-password-resets';
import { updateToSchemaVersion180 } from './0180-suspensions-and-incident-notices';
import { updateToSchemaVersion190 } from './0190-remote-requests';
import { updateToSchemaVersion185 } from './0185-handovers';
import { updateToSchemaVersion189 } from './0189-retention';
import { updateToSchemaVersion200 } from './0200-person-signatures';
import { updateToSchemaVersion220 } from './0220-relationship-due';
import { updateToSchemaVersion221 } from './0221-reviews-by-responsible';
import { updateToSchemaVersion230 } from './0230-visit-reports';
import { updateToSchemaVersion231 } from './0231-maintenance-plans';
import { updateToSchemaVersion240 } from './0240-relationship-records';
import { updateToSchemaVersion250 } from './0250-leads';
import { updateToSchemaVersion260 } from './0260-analyst-duty';
import { updateToSchemaVersion270 } from './0270-search-secure-delete';
import { updateToSchemaVersion280 } from './0280-celebration-ids';
import { updateToSchemaVersion290 } from './0290-analytics-columns';
import { updateToSchemaVersion330 } from './0330-due-tallies';

/** In order; never edit a migration that has shipped, add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  updateToSchemaVersion10,
  updateToSchemaVersion20,
  updateToSchemaVersion25,
  updateToSchemaVersion30,
  updateToSchemaVersion40,
  updateToSchemaVersion50,
  updateToSchemaVersion60,
  updateToSchemaVersion70,
  updateToSchemaVersion80,
  updateToSchemaVersion90,
  updateToSchemaVersion95,
  updateToSchemaVersion100,
  updateToSchemaVersion110,
  updateToSchemaVersion130,
  updateToSchemaVersion150,
  updateToSchemaVersion160,
  updateToSchemaVersion170,
  updateToSchemaVersion180,
  updateToSchemaVersion185,
  updateToSchemaVersion189,
  updateToSchemaVersion190,
  updateToSchemaVersion200,
  updateToSchemaVersion220,
  updateToSchemaVersion221,
  updateToSchemaVersion230,
  updateToSchemaVersion231,
  updateToSchemaVersion240,
  updateToSchemaVersion250,
  updateToSchemaVersion260,
  updateToSchemaVersion270,
  updateToSchemaVersion280,
  updateToSchemaVersion290,
  updateToSchemaVersion330,
];
