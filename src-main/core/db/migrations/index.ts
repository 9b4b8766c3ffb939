import type { Migration } from '../migrate';
import { updateToSchemaVersion10 } from './0010-archive-and-people';
import { updateToSchemaVersion20 } from './0020-journal';

/** In order; never edit a migration that has shipped, add the next one. */
export const MIGRATIONS: readonly Migration[] = [updateToSchemaVersion10, updateToSchemaVersion20];
