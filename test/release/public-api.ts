/**
 * The components app teams import from "paved". Removing or renaming one is a
 * breaking change (docs/versioning.md); the pack test checks that every one is
 * importable from the installed tarball.
 */
export const COMPONENT_EXPORTS = [
  "SegmentedNetwork",
  "LeastPrivilegeRole",
  "AppRegistration",
  "SanVolume",
  "AlarmSet",
  "HealthScore",
  "Dashboard",
  "NamespaceBaseline",
  "EncryptedStorageClass",
  "VolumeClaim",
  "SloAlerts",
  "CanaryRollout",
] as const;
