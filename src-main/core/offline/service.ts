/**
 * Offline packages: one entry point for the IPC router and the CLI (design: index.ts).
 * The archive-side operations each go through `session.perform`; the reader needs no archive.
 */
export { issuePackage } from './issue';
export { returnPackage } from './return';
export { exportRevocations, revocationListText, revokePackage } from './revoke';
export {
  inspectOfflinePackage,
  OfflineReader,
  readOfflinePackage,
  type ListSource,
  type OfflineReadRequest,
  type OfflineSectionView,
  type OpenedPackage,
  type PackageInspection,
} from './read';
export { RevocationStore, type StoredList } from './revocation-store';
export { revokePackagesOfLoan } from './repository';
export { describePackageFile, logPathFor } from './package-file';
