import type { Migration } from '../migrate';

/**
 * An account manager's reviews on their due list (issue 17 point 8): the filed dossiers they are
 * responsible for, by last review. Without it the review range walked every due dossier of the
 * archive and kept a quarter.
 */
export const updateToSchemaVersion221: Migration = {
  version: 221,
  name: 'reviews by responsible manager',
  up(db) {
    db.exec(`CREATE INDEX dossiers_review_by_responsible ON dossiers (responsible_id, status, last_reviewed_at);`);
  },
};
