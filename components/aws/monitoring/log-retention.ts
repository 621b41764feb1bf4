/**
 * The retention values CloudWatch Logs accepts (CloudWatch Logs API Reference,
 * PutRetentionPolicy) and Paved's default. Pure: shared by the log-group
 * helper and SegmentedNetwork's flow logs.
 */

/** The retention values CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** The default retention: one year, the common audit minimum. */
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = 365;

/** True when CloudWatch Logs accepts `days` as a retention. */
export function isLogRetention(days: unknown): days is LogRetentionDays {
  return (LOG_RETENTION_DAYS as readonly unknown[]).includes(days);
}
