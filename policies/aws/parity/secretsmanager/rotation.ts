/**
 * Secrets Manager secrets rotate automatically: an
 * `aws.secretsmanager.SecretRotation` names the secret (by its ARN or id, or
 * through a recorded dependency). Secrets RDS manages
 * (`manageMasterUserPassword`) are not `Secret` resources and rotate on
 * their own.
 */
import { defineStackPolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isFalse, refersTo } from "../../../lib/parity";
import { peek } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const SECRET = "aws:secretsmanager/secret:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";

export const secretRotation = defineStackPolicy({
  name: "aws-secret-rotation",
  description: "Secrets Manager secrets have automatic rotation configured.",
  category: "iam",
  severity: "medium",
  defaultLevel: "advisory",
  // Hygiene: third-party credentials often cannot rotate automatically, so this
  // stays advisory in every stage; rotate what can be rotated.
  securitySet: false,
  remediation: [
    "Add an `aws.secretsmanager.SecretRotation` with `secretId: secret.id`, a `rotationLambdaArn` (or a managed rotation) and `rotationRules: { automaticallyAfterDays: 30 }`.",
    "Database credentials: prefer `manageMasterUserPassword: true` on the RDS resource, which rotates for you. Advisory in every stage: some third-party credentials cannot rotate automatically.",
  ],
  frameworks: [awsFsbp("SecretsManager.1"), nist80053("IA-5")],
  check(resources) {
    const out: Finding[] = [];
    const rotations = resources.filter(
      (r) => r.type === ROTATION && !isFalse(peek(() => r.props.rotationEnabled)),
    );
    for (const s of ofType(resources, SECRET)) {
      const matches = rotations.map((rot) => refersTo(rot, "secretId", s));
      if (matches.includes("yes")) continue;
      if (matches.includes("unknown")) {
        out.push({
          urn: s.urn,
          advisory: true,
          message: `secret "${s.name}": a rotation's secretId is unknown during preview, so rotation is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: s.urn,
        message: `secret "${s.name}" never rotates: no SecretRotation names it; add an aws.secretsmanager.SecretRotation with secretId set to the secret`,
      });
    }
    return out;
  },
});
