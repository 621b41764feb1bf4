/**
 * Database master passwords are not written in the program (and so not kept
 * in the stack's state): RDS instances (`password`), RDS/Aurora and
 * DocumentDB clusters and Redshift clusters (`masterPassword`) let AWS keep
 * the password in Secrets Manager (`manageMasterUserPassword` /
 * `manageMasterPassword`) or take a write-only input (`...Wo`) instead.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";

const FIELD: Readonly<Record<string, string>> = {
  "aws:rds/instance:Instance": "password",
  "aws:rds/cluster:Cluster": "masterPassword",
  "aws:docdb/cluster:Cluster": "masterPassword",
  "aws:redshift/cluster:Cluster": "masterPassword",
};

export const dbManagedMasterPassword = defineResourcePolicy({
  name: "aws-db-managed-master-password",
  description:
    "RDS, Aurora, DocumentDB and Redshift master passwords are managed in Secrets Manager, not written in the program or its state.",
  category: "iam",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: a password input is stored in the stack's state (encrypted if
  // secret, but readable by anyone who can export the stack).
  securitySet: true,
  remediation: [
    "Remove the password input and set `manageMasterUserPassword: true` (Redshift: `manageMasterPassword: true`); applications read the secret AWS creates.",
    "If the password must come from the program, pass it through the write-only input (`passwordWo` / `masterPasswordWo`), which is never stored in state. Mandatory in prod.",
  ],
  frameworks: [nist80053("IA-5")],
  types: Object.keys(FIELD),
  check(r) {
    const field = FIELD[r.type];
    if (!field || isUnset(r.props[field])) return [];
    return [
      {
        message: `${field} is set in the program, so the master password is kept in the stack's state; remove it and set manageMasterUserPassword (Redshift: manageMasterPassword) to true`,
      },
    ];
  },
});
