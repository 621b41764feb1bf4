/**
 * App roles name what they grant: no `*` in a rule's verbs, API groups or
 * resources (`*`, `pods/*`, `*\/scale`), nor `*` as a non-resource URL (CIS
 * Kubernetes 5.1.3). A wildcard also grants whatever the API adds later.
 * Platform roles (`platformRoles`, default `system:*`) are not checked.
 */
import { UNKNOWN } from "../../components/kubernetes/workloads";
import { defineResourcePolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import { PLATFORM_ROLES_SCHEMA, ROLE_TYPES, checkRoleRules, quoteList, type RbacRule } from "./rbac";

/** The wildcards in one rule, as `verbs ["*"]`, or UNKNOWN when a list cannot be read. */
export function ruleWildcards(rule: RbacRule): string | typeof UNKNOWN | undefined {
  const parts: string[] = [];
  let unknown = false;
  const fields: [keyof RbacRule, (v: string) => boolean][] = [
    ["verbs", (v) => v === "*"],
    ["apiGroups", (v) => v === "*"],
    ["resources", (v) => v.includes("*")],
    ["nonResourceURLs", (v) => v === "*"],
  ];
  for (const [field, wild] of fields) {
    const values = rule[field];
    if (values === UNKNOWN) unknown = true;
    else if (Array.isArray(values)) {
      const hits = values.filter(wild);
      if (hits.length > 0) parts.push(`${field} ${quoteList(hits)}`);
    }
  }
  if (parts.length > 0) return `grants wildcards: ${parts.join(", ")}`;
  return unknown ? UNKNOWN : undefined;
}

export const k8sRbacNoWildcards = defineResourcePolicy<{ platformRoles: string[] }>({
  name: "k8s-rbac-no-wildcards",
  description:
    "Roles and ClusterRoles granted to apps list their verbs, API groups and resources without `*`.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Replace `"*"` in each rule\'s `verbs`, `apiGroups` and `resources` with the exact values the app uses (e.g. verbs ["get", "list"], resources ["configmaps"]).',
    "Find what the app really calls from the API server's audit log, or with `kubectl auth can-i --list --as=system:serviceaccount:<ns>:<sa>`.",
    "A platform controller that needs broad rights: add its role name to this policy's `platformRoles` in the pack config.",
  ],
  frameworks: [cisKubernetes("5.1.3")],
  types: ROLE_TYPES,
  configSchema: { properties: { platformRoles: PLATFORM_ROLES_SCHEMA } },
  check: (role, ctx) =>
    checkRoleRules(
      role,
      ctx.config.platformRoles,
      ruleWildcards,
      "list the exact verbs, API groups and resources the app needs",
    ),
});
