/**
 * Redshift clusters do not use the well-known default admin user name
 * "awsuser" (`masterUsername`), which halves what an attacker must guess.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { asString } from "../../../lib/props";

export const redshiftNoDefaultAdmin = defineResourcePolicy({
  name: "aws-redshift-no-default-admin",
  description: 'Redshift clusters do not use the default admin user name "awsuser".',
  category: "iam",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: a known user name helps guessing but the password (or IAM) is the control.
  securitySet: false,
  remediation: [
    'Set `masterUsername` to a name other than "awsuser" (changing it replaces the cluster: do it before data lands).',
    "Advisory in every stage: the password or IAM authentication is the control; the name only makes guessing easier.",
  ],
  frameworks: [awsFsbp("Redshift.8")],
  types: ["aws:redshift/cluster:Cluster"],
  check(r) {
    const user = asString(r.props.masterUsername);
    if (user?.toLowerCase() !== "awsuser") return [];
    return [
      { message: 'masterUsername is "awsuser", the well-known default; choose another admin user name' },
    ];
  },
});
