/**
 * RDS instances and clusters have deletion protection, so neither a stray
 * `pulumi destroy` nor a replacement deletes the database. The provider's
 * default is off.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { isTrue } from "../../lib/props";
import { RDS_CLUSTER, RDS_DB_INSTANCE } from "./types";

export const rdsDeletionProtection = defineResourcePolicy({
  name: "aws-rds-deletion-protection",
  description: "RDS instances and clusters have deletion protection enabled.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
  remediation: [
    "Set `deletionProtection: true` on the instance or cluster.",
    "To delete the database on purpose, set it to false in one update, then remove the resource in the next.",
  ],
  frameworks: [awsFsbp("RDS.7"), awsFsbp("RDS.8")],
  types: [RDS_DB_INSTANCE, RDS_CLUSTER],
  check(r) {
    const v = r.props.deletionProtection;
    if (isTrue(v)) return [];
    const kind = r.type === RDS_CLUSTER ? "cluster" : "instance";
    return [
      {
        message: `deletionProtection is ${v === undefined ? "unset (off by default)" : JSON.stringify(v)}, so the ${kind} can be deleted by a destroy or a replacement; set deletionProtection: true`,
      },
    ];
  },
});
