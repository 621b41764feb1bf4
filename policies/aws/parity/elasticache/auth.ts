/**
 * ElastiCache Redis and Valkey replication groups authenticate clients: an
 * AUTH token (`authToken` or the write-only `authTokenWo`) or RBAC user
 * groups (`userGroupIds`). Without either, anyone who reaches the port can
 * run every command.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asString, asStrings } from "../../../lib/props";

export const elasticacheAuth = defineResourcePolicy({
  name: "aws-elasticache-auth",
  description:
    "ElastiCache Redis and Valkey replication groups require authentication (AUTH token or RBAC user groups).",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create an `aws.elasticache.UserGroup` with its users and set `userGroupIds` (preferred), or set `authTokenWo` from a Secrets Manager secret.",
    "Both need `transitEncryptionEnabled: true`.",
  ],
  frameworks: [awsFsbp("ElastiCache.6"), nist80053("IA-2")],
  types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  check(r) {
    const engine = asString(r.props.engine) ?? "redis";
    if (engine !== "redis" && engine !== "valkey") return [];
    if (
      !isUnset(r.props.authToken) ||
      !isUnset(r.props.authTokenWo) ||
      asStrings(r.props.userGroupIds).length > 0
    ) {
      return [];
    }
    return [
      {
        message:
          "neither authToken nor userGroupIds is set, so any client that reaches the port can run every command; set userGroupIds (RBAC) or authTokenWo",
      },
    ];
  },
});
