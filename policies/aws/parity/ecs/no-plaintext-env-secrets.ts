/**
 * ECS containers take credentials from `secrets` (Secrets Manager or SSM
 * Parameter Store references), not from plain `environment` values: a value
 * there is readable by anyone who can describe the task definition, and is
 * kept in its revision history. A variable counts as a credential when its
 * name says so (password, secret, token, API key, private key, credential,
 * access key) and it has a literal value.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { asList, asRecord, asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { TASK_DEFINITION, UNREADABLE, containersOf } from "./containers";

const SECRET_NAME =
  /(pass(word|wd)?$|passwd|password|secret|token|api[_-]?key|private[_-]?key|credential|access[_-]?key)/i;

export const ecsNoPlaintextEnvSecrets = defineResourcePolicy({
  name: "aws-ecs-no-plaintext-env-secrets",
  description:
    "ECS containers take credentials from secrets (Secrets Manager or SSM), not plain environment variables.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Store the value in Secrets Manager (or an SSM SecureString parameter) and move the variable from `environment` to `secrets: [{ name, valueFrom: secret.arn }]`.",
    "Give the task execution role secretsmanager:GetSecretValue (or ssm:GetParameters) on that secret only.",
  ],
  frameworks: [nist80053("IA-5")],
  types: [TASK_DEFINITION],
  check(r) {
    const containers = containersOf(r.props.containerDefinitions);
    if (!containers) return [UNREADABLE];
    const out: Finding[] = [];
    for (const c of containers) {
      for (const env of asList(c.def.environment)) {
        const name = asString(asRecord(env)?.name) ?? "";
        const value = asString(asRecord(env)?.value) ?? "";
        if (SECRET_NAME.test(name) && value.trim() !== "") {
          out.push({
            message: `container "${c.name}" sets ${name} in plain environment; move it to secrets with valueFrom a Secrets Manager secret or SSM parameter`,
          });
        }
      }
    }
    return out;
  },
});
