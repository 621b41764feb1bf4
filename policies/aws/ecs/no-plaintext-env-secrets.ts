/**
 * No credential in an ECS container's `environment` as a literal: an entry
 * whose name looks like a credential (the same name patterns as the Kubernetes
 * policy, `lib/secret-names.ts`) must come through `secrets` (`valueFrom` a
 * Secrets Manager secret or an SSM SecureString parameter). A literal is
 * readable by anyone allowed ecs:DescribeTaskDefinition, and sits in the
 * Pulumi state and the program. The value is never quoted in a message.
 *
 * `environmentFiles` (an S3 object) cannot be read here and is not reported.
 */
import { UNKNOWN, get, listOf } from "../../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { rawProps } from "../../lib/sdk";
import { SECRET_NAME_CONFIG_PROPERTIES, secretNameMatcher } from "../../lib/secret-names";
import type { Finding } from "../../lib/types";
import { previewUnknown } from "../../lib/unknown";
import { ECS_TASK_DEFINITION_TYPES, ecsContainers, environmentOf } from "./containers";

interface Config {
  secretNamePatterns: string[];
  ignoredNamePatterns: string[];
}

export const ecsNoPlaintextEnvSecrets = defineResourcePolicy<Config>({
  name: "aws-ecs-no-plaintext-env-secrets",
  description:
    "ECS container environment variables that hold credentials come from `secrets` (Secrets Manager or SSM), not a literal value.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Store the credential in AWS Secrets Manager (or an SSM SecureString parameter).",
    'Move the entry from `environment` to `secrets`: `{ name: "DB_PASSWORD", valueFrom: <secret ARN> }`, and let the task execution role read that secret (secretsmanager:GetSecretValue on its ARN).',
    "Rotate the credential: the literal is already in the task definition, the Pulumi state and the program's history.",
  ],
  frameworks: [awsFsbp("ECS.8"), nist80053("IA-5")],
  types: ECS_TASK_DEFINITION_TYPES,
  configSchema: { properties: { ...SECRET_NAME_CONFIG_PROPERTIES } },
  check(resource, ctx): Finding[] {
    const read = ecsContainers(rawProps(resource.props));
    if (read.kind === "unknown") throw previewUnknown("containerDefinitions is not known until apply");
    if (read.kind === "malformed") return []; // AWS rejects it at apply; nothing to read
    const holdsSecret = secretNameMatcher(ctx.config.secretNamePatterns, ctx.config.ignoredNamePatterns);
    const findings: Finding[] = [];
    const unknowns: string[] = [...read.unknownAt];
    for (const c of read.containers) {
      const { key, entries } = environmentOf(c);
      const list = listOf(entries);
      if (list === UNKNOWN) unknowns.push(`${c.path}.${key}`);
      if (!Array.isArray(list)) continue;
      list.forEach((e, j) => {
        const at = `${c.path}.${key}[${j}]`;
        const name = get(e, "name");
        if (e === UNKNOWN || name === UNKNOWN) return void unknowns.push(at);
        if (typeof name !== "string" || !holdsSecret(name)) return;
        const value = get(e, "value");
        if (value === undefined || value === null || value === "") return;
        const how = value === UNKNOWN ? "a literal value (computed at apply)" : "a literal value";
        findings.push({
          message: `${c.label} sets environment ${name} to ${how} (${at}); move it to secrets: [{ name: "${name}", valueFrom: <Secrets Manager secret or SSM parameter ARN> }]`,
        });
      });
    }
    if (findings.length === 0 && unknowns.length > 0) {
      throw previewUnknown(`${unknowns[0]} is not known until apply`);
    }
    return findings;
  },
});
