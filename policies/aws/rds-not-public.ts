/**
 * RDS instances (and Aurora and Neptune cluster instances) are not publicly
 * accessible. Unset is private (the default). An RDS or Aurora cluster has no
 * such setting of its own: its instances carry it.
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { isTrue } from "../lib/props";

export const RDS_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
export const NEPTUNE_CLUSTER_INSTANCE = "aws:neptune/clusterInstance:ClusterInstance";

export const rdsNotPublic = defineResourcePolicy({
  name: "aws-rds-not-public",
  description: "RDS database instances (including Aurora and Neptune instances) are not publicly accessible.",
  category: "storage",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `publiclyAccessible: false` (the default) and reach the database from inside the VPC.",
    "Place it in private (data tier) subnets through its `dbSubnetGroupName`.",
  ],
  frameworks: [cisAws("2.3.3"), awsFsbp("RDS.2")],
  types: [RDS_INSTANCE, RDS_CLUSTER_INSTANCE, NEPTUNE_CLUSTER_INSTANCE],
  check: (r) =>
    isTrue(r.props.publiclyAccessible)
      ? [{ message: "publiclyAccessible is true; set it to false and connect from inside the VPC" }]
      : [],
});
