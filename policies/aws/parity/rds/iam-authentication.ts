/**
 * Databases that support it accept IAM database authentication: Aurora and
 * RDS clusters, RDS MySQL, MariaDB and PostgreSQL instances, and Neptune
 * clusters (`iamDatabaseAuthenticationEnabled`, off by default). Short-lived
 * tokens replace long-lived database passwords for people and workloads.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asString, isTrue } from "../../../lib/props";

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const NEPTUNE_CLUSTER = "aws:neptune/cluster:Cluster";

/** Engines with IAM database authentication (Oracle, SQL Server and Db2 have none). */
const IAM_ENGINES = /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/;

export const dbIamAuthentication = defineResourcePolicy({
  name: "aws-db-iam-authentication",
  description:
    "RDS, Aurora and Neptune databases whose engine supports it enable IAM database authentication.",
  category: "iam",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: a password kept in Secrets Manager (manageMasterUserPassword) with
  // rotation is an accepted alternative, so this never becomes mandatory.
  securitySet: false,
  remediation: [
    "Set `iamDatabaseAuthenticationEnabled: true` and let roles connect with rds-db:connect tokens.",
    "Advisory in every stage: a Secrets Manager managed password with rotation is an accepted alternative.",
  ],
  frameworks: [awsFsbp("RDS.10"), awsFsbp("RDS.12")],
  types: [RDS_INSTANCE, RDS_CLUSTER, NEPTUNE_CLUSTER],
  check(r) {
    if (r.type !== NEPTUNE_CLUSTER) {
      const engine = asString(r.props.engine);
      if (engine === undefined || !IAM_ENGINES.test(engine)) return [];
    }
    const v = r.props.iamDatabaseAuthenticationEnabled;
    if (isTrue(v)) return [];
    const now =
      v === undefined
        ? "iamDatabaseAuthenticationEnabled is unset (off)"
        : `iamDatabaseAuthenticationEnabled is ${quote(v)}`;
    return [
      {
        message: `${now}, so only database passwords authenticate; set iamDatabaseAuthenticationEnabled to true`,
      },
    ];
  },
});
