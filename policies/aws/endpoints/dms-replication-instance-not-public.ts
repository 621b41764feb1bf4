/**
 * DMS replication instances are not publicly accessible. The API makes an
 * instance public when `publiclyAccessible` is unset, so unset is a finding.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { mustBeFalse } from "./settings";

export const DMS_REPLICATION_INSTANCE = "aws:dms/replicationInstance:ReplicationInstance";

export const dmsReplicationInstanceNotPublic = defineResourcePolicy({
  name: "aws-dms-replication-instance-not-public",
  description: "DMS replication instances are not publicly accessible.",
  category: "network",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `publiclyAccessible: false` explicitly (DMS makes the instance public when it is unset).",
    "Place the instance in private subnets through its `replicationSubnetGroupId`; reach on-premises endpoints over VPN or Direct Connect.",
  ],
  frameworks: [awsFsbp("DMS.1")],
  types: [DMS_REPLICATION_INSTANCE],
  check: (r) =>
    mustBeFalse(r.props.publiclyAccessible, {
      field: "publiclyAccessible",
      unsetIsPublic: true,
      subject: "the replication instance",
      fix: "set publiclyAccessible: false and use private subnets",
    }),
});
