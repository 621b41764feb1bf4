/**
 * Database engines take the provider's minor version (patch) upgrades
 * automatically in their maintenance window: RDS, Aurora, Neptune and
 * DocumentDB instances (`autoMinorVersionUpgrade`, default true) and Redshift
 * clusters (`allowVersionUpgrade`, default true). Only an explicit false is a
 * finding.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isFalse, quote } from "../../../lib/parity";

const REDSHIFT = "aws:redshift/cluster:Cluster";

export const dbAutoMinorVersionUpgrade = defineResourcePolicy({
  name: "aws-db-auto-minor-version-upgrade",
  description:
    "RDS, Aurora, Neptune and DocumentDB instances and Redshift clusters take engine upgrades automatically.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: minor versions carry the engine's security fixes.
  securitySet: true,
  remediation: [
    "Remove `autoMinorVersionUpgrade: false` (Redshift: `allowVersionUpgrade: false`); the default takes upgrades in the maintenance window.",
    "Pin a `preferredMaintenanceWindow` if the timing matters. Mandatory in prod because minor versions carry security fixes.",
  ],
  frameworks: [awsFsbp("RDS.13"), awsFsbp("Redshift.6"), nist80053("SI-2")],
  types: [
    "aws:rds/instance:Instance",
    "aws:rds/clusterInstance:ClusterInstance",
    "aws:rds/cluster:Cluster",
    "aws:neptune/clusterInstance:ClusterInstance",
    "aws:docdb/clusterInstance:ClusterInstance",
    REDSHIFT,
  ],
  check(r) {
    const field = r.type === REDSHIFT ? "allowVersionUpgrade" : "autoMinorVersionUpgrade";
    const v = r.props[field];
    if (!isFalse(v)) return [];
    return [
      {
        message: `${field} is ${quote(v)}, so the engine misses its security patches; remove ${field} or set it to true`,
      },
    ];
  },
});
