/**
 * Data stores deliver their audit and error logs to CloudWatch Logs: RDS and
 * Aurora (`enabledCloudwatchLogsExports`, per engine), DocumentDB (audit and
 * profiler), Neptune (audit, `enableCloudwatchLogsExports`), OpenSearch
 * (search and index slow logs through `logPublishingOptions`) and MSK
 * (broker logs to CloudWatch, Firehose or S3). Redshift: aws-redshift-audit-logging.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { asList, asRecord, asString, asStrings, isTrue } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const RDS = ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"];
const DOCDB = "aws:docdb/cluster:Cluster";
const NEPTUNE = "aws:neptune/cluster:Cluster";
const OPENSEARCH = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"];
const MSK = "aws:msk/cluster:Cluster";

/** Engine (prefix) → the exports it must deliver. */
const ENGINE_EXPORTS: readonly [RegExp, readonly string[]][] = [
  [/^(aurora|aurora-mysql|mysql|mariadb)$/, ["audit", "error"]],
  [/^(aurora-postgresql|postgres)$/, ["postgresql"]],
  [/^oracle/, ["audit", "alert"]],
  [/^sqlserver/, ["error"]],
  [/^db2/, ["diag.log"]],
];

function missingExports(
  have: readonly string[],
  need: readonly string[],
  field: string,
  what: string,
): Finding[] {
  const missing = need.filter((n) => !have.includes(n));
  if (missing.length === 0) return [];
  return [
    {
      message: `${field} lacks ${missing.join(", ")}, so the ${what} logs are not kept; add them to ${field}`,
    },
  ];
}

export const dataStoreLogsExported = defineResourcePolicy({
  name: "aws-data-store-logs-exported",
  description:
    "RDS, Aurora, DocumentDB, Neptune, OpenSearch and MSK deliver their audit, error and slow logs to a log destination.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: the database audit log is the record of who read or changed data.
  securitySet: true,
  remediation: [
    'RDS/Aurora: `enabledCloudwatchLogsExports` (MySQL family: ["audit", "error"], with the audit plugin in the parameter group; PostgreSQL: ["postgresql"]).',
    'DocumentDB: `enabledCloudwatchLogsExports: ["audit", "profiler"]` (audit_logs enabled in the parameter group); Neptune: `enableCloudwatchLogsExports: ["audit"]`.',
    "OpenSearch: `logPublishingOptions` for SEARCH_SLOW_LOGS and INDEX_SLOW_LOGS with a log group; MSK: `loggingInfo.brokerLogs` with one destination enabled.",
    "Mandatory in prod: these logs are the record of who read or changed the data.",
  ],
  frameworks: [awsFsbp("RDS.9"), awsFsbp("DocumentDB.4"), nist80053("AU-12")],
  types: [...RDS, DOCDB, NEPTUNE, ...OPENSEARCH, MSK],
  check(r) {
    if (RDS.includes(r.type)) {
      const engine = asString(r.props.engine);
      const need = ENGINE_EXPORTS.find(([re]) => engine !== undefined && re.test(engine))?.[1];
      if (!need) return [];
      return missingExports(
        asStrings(r.props.enabledCloudwatchLogsExports),
        need,
        "enabledCloudwatchLogsExports",
        `${engine}`,
      );
    }
    if (r.type === DOCDB) {
      return missingExports(
        asStrings(r.props.enabledCloudwatchLogsExports),
        ["audit", "profiler"],
        "enabledCloudwatchLogsExports",
        "DocumentDB",
      );
    }
    if (r.type === NEPTUNE) {
      return missingExports(
        asStrings(r.props.enableCloudwatchLogsExports),
        ["audit"],
        "enableCloudwatchLogsExports",
        "Neptune",
      );
    }
    if (OPENSEARCH.includes(r.type)) {
      const enabled = asList(r.props.logPublishingOptions)
        .map(asRecord)
        .filter(
          (o) => o && (o.enabled === undefined || isTrue(o.enabled)) && asString(o.cloudwatchLogGroupArn),
        )
        .map((o) => asString(o?.logType) ?? "");
      return missingExports(
        enabled,
        ["SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"],
        "logPublishingOptions",
        "slow-query",
      );
    }
    const broker = asRecord(asRecord(r.props.loggingInfo)?.brokerLogs);
    const on = ["cloudwatchLogs", "firehose", "s3"].some((d) => isTrue(asRecord(broker?.[d])?.enabled));
    return on
      ? []
      : [
          {
            message:
              "loggingInfo.brokerLogs has no destination enabled, so broker logs are lost; enable cloudwatchLogs, firehose or s3 under loggingInfo.brokerLogs",
          },
        ];
  },
});
