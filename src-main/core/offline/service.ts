/**
 * Offline packages: one entry point for the IPC router and the CLI (design: index.ts).
 * The archive-side operations each go through `session.perform`; `readOfflinePackage` needs no archive.
 */
export { issuePackage } from './issue';
export { returnPackage } from './return';
export { exportRevocations, revokePackage } from './revoke';
export { readOfflinePackage, type OfflineReadRequest } from './read';
export { revokePackagesOfLoan } from './repository';
export { logPathFor } from './package-file';
