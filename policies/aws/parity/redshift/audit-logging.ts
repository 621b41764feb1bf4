/**
 * Redshift clusters keep an audit log: an `aws.redshift.Logging` names the
 * cluster (connection and user logs to S3 or CloudWatch), and the cluster's
 * parameter group sets `enable_user_activity_logging` to true so the
 * statements run are logged too.
 */
import { defineStackPolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { refersTo } from "../../../lib/parity";
import { asString, peek } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { CLUSTER, groupOf, parameterValue } from "./parameters";
import { ofType } from "../../../lib/stack-index";

const LOGGING = "aws:redshift/logging:Logging";

export const redshiftAuditLogging = defineStackPolicy({
  name: "aws-redshift-audit-logging",
  description: "Redshift clusters deliver audit logs and log user activity.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: the audit log is the record of who queried what in the warehouse.
  securitySet: true,
  remediation: [
    'Add an `aws.redshift.Logging` with `clusterIdentifier: cluster.id` and `logDestinationType: "cloudwatch"` (with `logExports`) or "s3" (with `bucketName`).',
    'Set `enable_user_activity_logging` to "true" in the cluster\'s parameter group. Mandatory in prod.',
  ],
  frameworks: [awsFsbp("Redshift.4"), nist80053("AU-12")],
  check(resources) {
    const out: Finding[] = [];
    const loggings = ofType(resources, LOGGING);
    for (const c of ofType(resources, CLUSTER)) {
      const id = peek(() => asString(c.props.clusterIdentifier));
      const named = id ? { ...c, props: { ...c.props, id } } : c;
      const refs = loggings.map((l) => refersTo(l, "clusterIdentifier", named));
      const problems: string[] = [];
      if (!refs.includes("yes")) {
        if (refs.includes("unknown")) {
          out.push({
            urn: c.urn,
            advisory: true,
            message: `cluster "${c.name}": a Logging's clusterIdentifier is unknown during preview, so audit logging is checked again on update`,
          });
        } else {
          problems.push("no aws.redshift.Logging names it");
        }
      }
      const g = groupOf(c, resources);
      if (
        g === "default" ||
        (typeof g === "object" && parameterValue(g, "enable_user_activity_logging") !== "true")
      ) {
        problems.push("its parameter group does not set enable_user_activity_logging true");
      }
      if (problems.length === 0) continue;
      out.push({
        urn: c.urn,
        message: `cluster "${c.name}" keeps no full audit log: ${problems.join(" and ")}; add an aws.redshift.Logging and set enable_user_activity_logging to "true"`,
      });
    }
    return out;
  },
});
