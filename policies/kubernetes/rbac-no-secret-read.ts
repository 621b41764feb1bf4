/**
 * App roles do not read Secrets in bulk: no `get`, `list`, `watch` (or `*`) on
 * `secrets` (or `*` resources) in the core API group (or `*` groups) (CIS
 * Kubernetes 5.1.2). `list` and `watch` return every Secret's data, not only
 * names. A rule limited to named Secrets (`resourceNames`) passes unless
 * `allowNamedSecrets` is false. Platform roles (`platformRoles`) are not checked.
 */
import { UNKNOWN } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import { PLATFORM_ROLES_SCHEMA, ROLE_TYPES, checkRoleRules, quoteList, type RbacRule } from "./rbac";

const READ_VERBS: readonly string[] = ["get", "list", "watch", "*"];

/** What one rule grants on Secrets, or UNKNOWN when that depends on a value not known yet. */
export function ruleSecretRead(rule: RbacRule, allowNamed: boolean): string | typeof UNKNOWN | undefined {
  const { verbs, apiGroups, resources, resourceNames } = rule;
  // Any definite "no" settles it, whatever else is unknown.
  const verbHits = verbs === UNKNOWN ? UNKNOWN : verbs.filter((v) => READ_VERBS.includes(v.toLowerCase()));
  if (verbHits !== UNKNOWN && verbHits.length === 0) return undefined;
  if (apiGroups !== UNKNOWN && !apiGroups.some((g) => g === "" || g === "*")) return undefined;
  const resHits =
    resources === UNKNOWN ? UNKNOWN : resources.filter((r) => r.toLowerCase() === "secrets" || r === "*");
  if (resHits !== UNKNOWN && resHits.length === 0) return undefined;
  if (allowNamed && resourceNames !== UNKNOWN && resourceNames.length > 0) return undefined;
  if (verbHits === UNKNOWN || apiGroups === UNKNOWN || resHits === UNKNOWN) return UNKNOWN;
  if (allowNamed && resourceNames === UNKNOWN) return UNKNOWN;
  return `grants ${quoteList(verbHits)} on ${quoteList(resHits)} in the core API group, so it reads Secrets`;
}

export const k8sRbacNoSecretRead = defineResourcePolicy<{
  platformRoles: string[];
  allowNamedSecrets: boolean;
}>({
  name: "k8s-rbac-no-secret-read",
  description: "Roles and ClusterRoles granted to apps do not get, list or watch Secrets.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Mount the Secrets the app needs as volumes or `env.valueFrom.secretKeyRef` instead of reading them from the API.",
    'If the app must read a Secret through the API, limit the rule to it with `resourceNames: ["<secret>"]` and the verb "get".',
    "A platform controller that must read Secrets: add its role name to this policy's `platformRoles` in the pack config.",
  ],
  frameworks: [cisKubernetes("5.1.2")],
  types: ROLE_TYPES,
  configSchema: {
    properties: {
      platformRoles: PLATFORM_ROLES_SCHEMA,
      allowNamedSecrets: {
        type: "boolean",
        default: true,
        description: "Accept a rule limited to named Secrets with `resourceNames`.",
      },
    },
  },
  check: (role, ctx) =>
    checkRoleRules(
      role,
      ctx.config.platformRoles,
      (rule) => ruleSecretRead(rule, ctx.config.allowNamedSecrets !== false),
      'mount the Secrets instead, or limit the rule to `resourceNames` with the verb "get"',
    ),
});
