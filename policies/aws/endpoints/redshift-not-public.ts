/**
 * Redshift clusters and Redshift Serverless workgroups are not publicly
 * accessible. Older provider versions and the API before 2025 made a cluster
 * public when `publiclyAccessible` was unset, so a cluster must say false
 * explicitly; a workgroup defaults to private.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { mustBeFalse } from "./settings";

export const REDSHIFT_CLUSTER = "aws:redshift/cluster:Cluster";
export const REDSHIFT_SERVERLESS_WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup";

export const redshiftNotPublic = defineResourcePolicy({
  name: "aws-redshift-not-public",
  description: "Redshift clusters and Redshift Serverless workgroups are not publicly accessible.",
  category: "network",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `publiclyAccessible: false` explicitly on the cluster or workgroup.",
    "Place it in private subnets (`clusterSubnetGroupName`, or the workgroup's `subnetIds`) and connect from inside the VPC.",
  ],
  frameworks: [awsFsbp("Redshift.1")],
  types: [REDSHIFT_CLUSTER, REDSHIFT_SERVERLESS_WORKGROUP],
  check: (r) =>
    r.type === REDSHIFT_CLUSTER
      ? mustBeFalse(r.props.publiclyAccessible, {
          field: "publiclyAccessible",
          unsetIsPublic: true,
          subject: "the cluster",
          fix: "set publiclyAccessible: false explicitly and connect from inside the VPC",
        })
      : mustBeFalse(r.props.publiclyAccessible, {
          field: "publiclyAccessible",
          unsetIsPublic: false,
          subject: "the workgroup",
          fix: "set publiclyAccessible: false and connect from inside the VPC",
        }),
});
