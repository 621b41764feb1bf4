/**
 * No secret in a container's environment as a literal: an `env` entry whose
 * name looks like a credential (password, secret, token, API key, private or
 * access key, credentials) must take its value from a Secret
 * (`valueFrom.secretKeyRef`), not `value`. A literal lands in the workload's
 * spec, readable by anyone who can read Deployments, and in the Pulumi state
 * and the program. Every container list, every workload kind and its `...Patch`.
 *
 * A value computed at apply (an Output) is still a literal in the spec: it is a
 * finding too. The value itself is never quoted in a message.
 */
import { UNKNOWN, get, kubernetesTypeOf, listOf, podSpecsOf } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { nist80053 } from "../lib/frameworks";
import { rawProps } from "../lib/sdk";
import { SECRET_NAME_CONFIG_PROPERTIES, secretNameMatcher } from "../lib/secret-names";
import type { Finding } from "../lib/types";
import { previewUnknown } from "../lib/unknown";
import { WORKLOAD_TYPES } from "./pod-policy";

// The name patterns are shared with the ECS policy (`lib/secret-names.ts`); re-exported for existing imports.
export { DEFAULT_IGNORED_NAME_PATTERNS, DEFAULT_SECRET_NAME_PATTERNS } from "../lib/secret-names";

const CONTAINER_LISTS = {
  containers: "container",
  initContainers: "init container",
  ephemeralContainers: "ephemeral container",
} as const;
/** `$(OTHER_VAR)`: Kubernetes' dependent-variable expansion, a reference rather than a value. */
const VAR_REFERENCE = /^\$\([A-Za-z_][A-Za-z0-9_.-]*\)$/;

interface Config {
  secretNamePatterns: string[];
  ignoredNamePatterns: string[];
}

export const k8sNoPlaintextEnvSecrets = defineResourcePolicy<Config>({
  name: "k8s-no-plaintext-env-secrets",
  description:
    "Container environment variables that hold credentials take them from a Secret, not a literal value.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Put the credential in a Kubernetes Secret (created from your secret store, e.g. External Secrets, or a `k8s.core.v1.Secret` with `stringData` from a Pulumi secret).",
    "Replace `value` with `valueFrom: { secretKeyRef: { name: <secret>, key: <key> } }`, or mount the Secret as a file and point `<NAME>_FILE` at it.",
    "Rotate the credential: the literal is already in the workload spec, the Pulumi state and the program's history.",
  ],
  frameworks: [nist80053("IA-5")],
  types: WORKLOAD_TYPES,
  configSchema: {
    properties: {
      ...SECRET_NAME_CONFIG_PROPERTIES,
    },
  },
  check(resource, ctx): Finding[] {
    const t = kubernetesTypeOf(resource.type);
    if (!t) return [];
    const holdsSecret = secretNameMatcher(ctx.config.secretNamePatterns, ctx.config.ignoredNamePatterns);
    const findings: Finding[] = [];
    const unknowns: string[] = [];
    for (const ref of podSpecsOf(t.kind, t.apiVersion, rawProps(resource.props))) {
      if (ref.spec === UNKNOWN) {
        unknowns.push(ref.path);
        continue;
      }
      for (const [list, label] of Object.entries(CONTAINER_LISTS)) {
        const containers = listOf(get(ref.spec, list));
        if (containers === UNKNOWN) unknowns.push(`${ref.path}.${list}`);
        if (!Array.isArray(containers)) continue;
        containers.forEach((c, i) => {
          const path = `${ref.path}.${list}[${i}]`;
          const env = listOf(get(c, "env"));
          if (c === UNKNOWN || env === UNKNOWN) unknowns.push(`${path}.env`);
          if (!Array.isArray(env)) return;
          const cname = get(c, "name");
          const who = `${label} ${typeof cname === "string" ? `"${cname}"` : `#${i}`}`;
          env.forEach((e, j) => {
            const name = get(e, "name");
            const value = get(e, "value");
            if (name === UNKNOWN || e === UNKNOWN) return void unknowns.push(`${path}.env[${j}]`);
            if (typeof name !== "string" || !holdsSecret(name)) return;
            if (value === undefined || value === null || value === "") return;
            if (typeof value === "string" && VAR_REFERENCE.test(value)) return;
            const how = value === UNKNOWN ? "a literal value (computed at apply)" : "a literal value";
            findings.push({
              message: `${who} sets env ${name} to ${how} (${path}.env[${j}].value); put it in a Secret and use valueFrom.secretKeyRef`,
            });
          });
        });
      }
    }
    if (findings.length === 0 && unknowns.length > 0) {
      throw previewUnknown(`${unknowns[0]} is not known until apply`);
    }
    return findings;
  },
});
